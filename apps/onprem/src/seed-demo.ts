import {
  auditEntry,
  type AccountDeps,
  type StatementDeps,
  type MailMessage,
  type ProfileUpdate,
  SignUpSchema,
  signUp,
  updateProfile,
  uploadStatement,
  verifyEmail,
} from '@clantrader/core';
// A pure generator of a small, self-consistent MT4 statement (no real account data).
import { buildSyntheticStatement } from '@clantrader/core/testing';

/** Demo traders a fresh install starts with; the README prints the same credentials. */
export const DEMO_USERS = [
  {
    email: 'sara@demo.clantrader.local',
    handle: 'sara_fx',
    displayName: 'Sara Karimi',
    locale: 'fa',
    timezone: 'Asia/Tehran',
    profile: {
      bio: 'Gold and majors, London session.',
      tradingStyle: 'day_trader',
      preferredPairs: ['XAUUSD', 'EURUSD'],
      sessionPreference: 'london',
    },
  },
  {
    email: 'omid@demo.clantrader.local',
    handle: 'omid_swing',
    displayName: 'Omid Rahimi',
    locale: 'fa',
    timezone: 'Asia/Tehran',
    profile: {
      bio: 'Swing trader, patient entries.',
      tradingStyle: 'swing_trader',
      preferredPairs: ['GBPUSD', 'USDJPY'],
      sessionPreference: 'new_york',
    },
  },
  {
    email: 'lena@demo.clantrader.local',
    handle: 'lena_algo',
    displayName: 'Lena Vogel',
    locale: 'en',
    timezone: 'Europe/Berlin',
    profile: {
      bio: 'Systematic strategies on indices.',
      tradingStyle: 'algorithmic',
      preferredPairs: ['US30', 'NAS100'],
      sessionPreference: 'any',
    },
  },
] as const satisfies readonly { profile: ProfileUpdate; [k: string]: unknown }[];

export const DEMO_PASSWORD = 'Demo-trader-2026';

/** The demo admin, who reviews statements that need a human look. */
export const DEMO_ADMIN = {
  email: 'admin@demo.clantrader.local',
  handle: 'admin',
  displayName: 'ClanTrader Admin',
  locale: 'en',
  timezone: 'UTC',
  profile: { bio: 'Reviews statements.' },
} as const satisfies { profile: ProfileUpdate; [k: string]: unknown };

/** The demo trader who starts with one verified (synthetic) statement. */
const VERIFIED_DEMO = 'sara_fx';

/**
 * Creates the demo traders and the demo admin through the same use cases a real sign-up
 * uses (sign up, follow the mailed link, fill the profile), so seeded data obeys every
 * rule; the admin role is then granted with an audit row. With statement deps, the first
 * trader also uploads a synthetic statement that the job queue verifies.
 * Idempotent: existing demo accounts are left untouched.
 */
export async function seedDemoUsers(deps: AccountDeps, statements?: StatementDeps): Promise<string[]> {
  const created: string[] = [];
  for (const demo of [...DEMO_USERS, DEMO_ADMIN]) {
    if (await deps.store.findUserByEmail(demo.email)) continue;
    const mails: MailMessage[] = [];
    const capture: AccountDeps = { ...deps, mailer: { send: async (m) => void mails.push(m) } };
    const { profile, ...account } = demo;
    const input = SignUpSchema.parse({ ...account, password: DEMO_PASSWORD });
    const { userId } = await signUp(capture, input);
    const token = mails[0]?.text.match(/[?&]token=([^\s&]+)/)?.[1];
    if (!token) throw new Error(`seeding ${demo.handle}: no verification link was produced`);
    await verifyEmail(capture, { token: decodeURIComponent(token) });
    await updateProfile(capture, userId, profile);
    if (demo.handle === DEMO_ADMIN.handle) {
      const audit = auditEntry(deps, {
        actorId: null,
        action: 'user.role_set',
        subjectId: userId,
        data: { role: 'admin', via: 'seed' },
      });
      await deps.store.setRole(userId, 'admin', audit);
    }
    if (demo.handle === VERIFIED_DEMO && statements) {
      const bytes = buildSyntheticStatement({ login: '880011', broker: 'Demo Broker Ltd' });
      await uploadStatement(statements, { userId, fileName: 'demo-statement.htm', bytes });
    }
    created.push(demo.handle);
  }
  return created;
}

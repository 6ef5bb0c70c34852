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
import type { composeOnprem } from './compose';
import { DEMO_TRADING, demoStatement } from './demo-trading';
import { seedDemoCompetition } from './seed-demo-competition';

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
  {
    email: 'nima@demo.clantrader.local',
    handle: 'nima_scalp',
    displayName: 'Nima Ahmadi',
    locale: 'fa',
    timezone: 'Asia/Tehran',
    profile: {
      bio: 'EURUSD scalps in the London open.',
      tradingStyle: 'scalper',
      preferredPairs: ['EURUSD'],
      sessionPreference: 'london',
    },
  },
  {
    email: 'dara@demo.clantrader.local',
    handle: 'dara_gold',
    displayName: 'Dara Moradi',
    locale: 'en',
    timezone: 'Asia/Dubai',
    profile: {
      bio: 'Gold positions held for days.',
      tradingStyle: 'position_trader',
      preferredPairs: ['XAUUSD'],
      sessionPreference: 'asian',
    },
  },
  {
    email: 'reza@demo.clantrader.local',
    handle: 'reza_new',
    displayName: 'Reza Jafari',
    locale: 'fa',
    timezone: 'Asia/Tehran',
    profile: { bio: 'New here, learning EURUSD.', preferredPairs: ['EURUSD'] },
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
    const trading = DEMO_TRADING[demo.handle];
    if (trading && statements) {
      const bytes = demoStatement(trading, statements.clock.now());
      await uploadStatement(statements, { userId, fileName: 'demo-statement.htm', bytes });
    }
    created.push(demo.handle);
  }
  return created;
}

/**
 * The whole demo of a fresh install: traders, admin and statements (`seedDemoUsers`), then
 * clans and an archived last season (`seedDemoCompetition`). Idempotent like its parts.
 */
export async function seedDemo(app: ReturnType<typeof composeOnprem>): Promise<string[]> {
  const created = await seedDemoUsers(app.accounts, app.statements);
  await seedDemoCompetition(
    {
      accounts: app.accounts,
      clans: app.api.clans,
      jobs: app.jobs,
      season: {
        ...app.api.leaderboard,
        clock: app.clock,
        seasons: app.seasons,
        notifications: app.api.notifications,
      },
    },
    created,
    Object.fromEntries(DEMO_USERS.map((u) => [u.handle, u.email])),
  );
  return created;
}

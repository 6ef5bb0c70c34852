import { z } from 'zod';

export const LOCALES = ['en', 'fa'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A user's plan. Pro lifts the AI question allowance; payments set it later, admins now. */
export const PLANS = ['free', 'pro'] as const;
export type Plan = (typeof PLANS)[number];
export const SetPlanSchema = z.strictObject({ plan: z.enum(PLANS) });

export const TRADING_STYLES = ['scalper', 'day_trader', 'swing_trader', 'position_trader', 'algorithmic'] as const;
export const SESSIONS = ['asian', 'london', 'new_york', 'any'] as const;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long')
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** Length and character-class rules only; `assertStrongPassword` adds the semantic checks. */
export const PasswordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const HandleSchema = z
  .string()
  .trim()
  .min(3, 'Handle must be at least 3 characters')
  .max(24, 'Handle must be at most 24 characters')
  .regex(/^[a-z0-9_]+$/, 'Handle may contain only lowercase letters a–z, digits and _')
  .refine((h) => !/^_|_$/.test(h), 'Handle may not start or end with _');

export const TimezoneSchema = z.string().refine(isKnownTimeZone, 'Unknown time zone');

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Display name is required')
  .max(60, 'Display name must be at most 60 characters')
  .refine((s) => !/[<>]/.test(s), 'Display name may not contain < or >');

/** A symbol as brokers print it: EURUSD, XAUUSD.m, US30, BTCUSD. */
export const PairSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._#-]{1,15}$/, 'Not a valid instrument symbol');

export const ProfileUpdateSchema = z.strictObject({
  handle: HandleSchema.optional(),
  displayName: DisplayNameSchema.optional(),
  bio: z.string().max(500, 'Bio must be at most 500 characters').optional(),
  avatarUrl: z
    .url({ protocol: /^https?$/, message: 'Avatar must be an http(s) URL' })
    .max(500)
    .nullable()
    .optional(),
  tradingStyle: z.enum(TRADING_STYLES).nullable().optional(),
  preferredPairs: z.array(PairSchema).max(10, 'At most 10 preferred pairs').optional(),
  sessionPreference: z.enum(SESSIONS).nullable().optional(),
  locale: LocaleSchema.optional(),
  timezone: TimezoneSchema.optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;

export const SignUpSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  handle: HandleSchema,
  displayName: DisplayNameSchema,
  locale: LocaleSchema.default('en'),
  timezone: TimezoneSchema.default('UTC'),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const LogInSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Password is required').max(200),
});
export type LogInInput = z.infer<typeof LogInSchema>;

export const TokenSchema = z.strictObject({ token: z.string().min(20).max(200) });

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export const PasswordResetCompleteSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: PasswordSchema,
});

export type User = {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  plan: Plan;
  emailVerifiedAt: Date | null;
  locale: Locale;
  timezone: string;
  createdAt: Date;
};

export type Profile = {
  userId: string;
  handle: string;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  tradingStyle: (typeof TRADING_STYLES)[number] | null;
  preferredPairs: string[];
  sessionPreference: (typeof SESSIONS)[number] | null;
  updatedAt: Date;
};

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

export type EmailToken = {
  id: string;
  userId: string;
  purpose: EmailTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

export type Session = {
  id: string;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
};

export type AuditEntry = {
  id: string;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

/** What the owner sees about themself. Never includes the password hash. */
export type Me = {
  id: string;
  email: string;
  role: Role;
  emailVerified: boolean;
  locale: Locale;
  timezone: string;
  profile: Profile;
};

/** What anyone may see. No email, no role, no timestamps beyond the profile's. */
export type PublicProfile = Omit<Profile, 'userId' | 'updatedAt'> & { memberSince: Date };

function isKnownTimeZone(tz: string): boolean {
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

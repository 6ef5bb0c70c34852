import { LocaleSchema, ROLES, SESSIONS, TRADING_STYLES } from '@clantrader/core';
import { z } from 'zod';

/** Shapes of API answers (docs/api.md). Dates stay ISO strings: they only get formatted. */
const ProfileFields = {
  handle: z.string(),
  displayName: z.string(),
  bio: z.string().default(''),
  avatarUrl: z.string().nullable().default(null),
  tradingStyle: z.enum(TRADING_STYLES).nullable().default(null),
  preferredPairs: z.array(z.string()).default([]),
  sessionPreference: z.enum(SESSIONS).nullable().default(null),
};

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  emailVerified: z.boolean(),
  locale: LocaleSchema,
  timezone: z.string(),
  profile: z.object(ProfileFields),
});
export type MeResponse = z.infer<typeof MeSchema>;

export const PublicProfileSchema = z.object({ ...ProfileFields, memberSince: z.string() });
export type PublicProfileResponse = z.infer<typeof PublicProfileSchema>;

export const LoginResultSchema = z.object({
  sessionToken: z.string().min(1),
  expiresAt: z.string(),
  user: MeSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const OutboxSchema = z.object({
  messages: z.array(
    z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() }),
  ),
});
export type OutboxMessage = z.infer<typeof OutboxSchema>['messages'][number];

export const UserIdSchema = z.object({ userId: z.string() });

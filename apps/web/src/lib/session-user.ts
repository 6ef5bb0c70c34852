import { LocaleSchema, ROLES } from '@clantrader/core';
import { z } from 'zod';

/** What pages may know about the signed-in user. Never the API token. */
export const SessionUserSchema = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  emailVerified: z.boolean(),
  role: z.enum(ROLES),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

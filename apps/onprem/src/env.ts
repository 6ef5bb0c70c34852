import { z } from 'zod';

const DEV_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

/** The on-prem server's configuration; parsed once at boot so a bad value stops the start. */
export const OnpremEnvSchema = z
  .object({
    NODE_ENV: z.string().default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|pglite:)/, 'DATABASE_URL must be postgres://…, postgresql://… or pglite:<dir>')
      .optional(),
    APP_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).default('outbox'),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('ClanTrader <no-reply@clantrader.local>'),
    DEV_OUTBOX: flag,
    SEED_DEMO: flag,
    MIGRATIONS_DIR: z.string().optional(),
    PASSWORD_ITERATIONS: z.coerce.number().int().min(1000).optional(),
    /** Uploaded statement originals; default `blobs` beside a pglite data dir, else `.data/blobs`. */
    BLOB_DIR: z.string().min(1).optional(),
    /** Cloud AI tier (OpenRouter); leave unset on a mirror with no international link. */
    AI_CLOUD_BASE_URL: z.url().optional(),
    AI_CLOUD_API_KEY: z.string().min(1).optional(),
    AI_CLOUD_MODEL: z.string().min(1).optional(),
    /** Local AI tier: Ollama's OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1. */
    AI_LOCAL_BASE_URL: z.url().optional(),
    AI_LOCAL_MODEL: z.string().min(1).optional(),
    /**
     * Per-IP limits of the sign-in endpoints, overriding the defaults bucket by bucket:
     * `signup=20,login=30/60` (requests, optionally `/window seconds`; default window 60).
     * For offices behind one NAT address, and the e2e suite's many browsers on loopback.
     */
    AUTH_LIMITS: z.string().optional().transform(parseAuthLimits),
    /** Demos and e2e only: the server's clock starts at this instant (ISO, e.g. 2026-11-15T12:00:00Z) and runs on. */
    CLANTRADER_NOW: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is required in production' });
    }
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'SMTP_URL is required when MAIL_TRANSPORT=smtp' });
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEV_SECRET,
    BLOB_DIR: env.BLOB_DIR ?? defaultBlobDir(env.DATABASE_URL),
    APP_URL: (env.APP_URL ?? `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`).replace(
      /\/$/,
      '',
    ),
  }));

export type OnpremEnv = z.infer<typeof OnpremEnvSchema>;

/** Parses the environment or throws one readable message listing every bad variable. */
export function readEnv(source: Record<string, string | undefined>): OnpremEnv {
  const parsed = OnpremEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

const AUTH_LIMIT_BUCKETS = ['signup', 'login', 'verify', 'reset'] as const;
type AuthLimitBucket = (typeof AUTH_LIMIT_BUCKETS)[number];
export type AuthLimitOverrides = Partial<Record<AuthLimitBucket, { limit: number; windowSeconds: number }>>;

/** `signup=200,login=300/120` -> overrides; a malformed entry is a config error naming it. */
function parseAuthLimits(value: string | undefined, ctx: z.RefinementCtx): AuthLimitOverrides | undefined {
  if (!value?.trim()) return undefined;
  const limits: AuthLimitOverrides = {};
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^(\w+)=(\d+)(?:\/(\d+))?$/.exec(entry);
    const bucket = match?.[1] as AuthLimitBucket | undefined;
    if (!match || !bucket || !AUTH_LIMIT_BUCKETS.includes(bucket) || Number(match[2]) < 1 || match[3] === '0') {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not <${AUTH_LIMIT_BUCKETS.join('|')}>=<requests>[/<seconds>]`,
      });
      return z.NEVER;
    }
    limits[bucket] = { limit: Number(match[2]), windowSeconds: Number(match[3] ?? 60) };
  }
  return limits;
}

/** `pglite:/srv/ct/.data/db` -> `/srv/ct/.data/blobs`; anything else -> `.data/blobs`. */
function defaultBlobDir(databaseUrl: string | undefined): string {
  const dir = databaseUrl?.startsWith('pglite:') ? databaseUrl.slice('pglite:'.length).replace(/\/+$/, '') : '';
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '.data';
  return `${parent || '.'}/blobs`;
}

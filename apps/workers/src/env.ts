import { z } from 'zod';

const Flag = z.enum(['0', '1']).default('0');

/**
 * The Worker's bindings and vars (wrangler.toml `[vars]` plus secrets). Parsed once per
 * isolate and env object, so a missing secret fails the first request loudly instead of
 * surfacing later as a confusing error deep inside a use case.
 */
export const WorkerEnvSchema = z
  .object({
    /** Neon connection string (secret). */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL'),
    /** `host:port/path` of a WebSocket-to-TCP proxy; only for tests against a local PostgreSQL. */
    NEON_WS_PROXY: z.string().min(1).optional(),
    APP_URL: z
      .url()
      .default('http://127.0.0.1:3000')
      .transform((u) => u.replace(/\/+$/, '')),
    /** Signs room tickets (secret, ≥ 32 chars); must match the room server's. */
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
    /**
     * Sent to the party worker (service binding ROOMS) with evictions (secret, ≥ 32 chars);
     * must match its ROOM_CONTROL_SECRET. Unset: kicked members keep their socket until it
     * closes on its own or their ticket is refused on reconnect.
     */
    ROOM_CONTROL_SECRET: z.string().min(32, 'ROOM_CONTROL_SECRET must be at least 32 characters').optional(),
    /** The edge has no SMTP: mail goes to an HTTP mail API or, in development, the outbox. */
    MAIL_TRANSPORT: z.enum(['outbox', 'http']).default('outbox'),
    MAIL_HTTP_URL: z.url().optional(),
    MAIL_HTTP_TOKEN: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default('ClanTrader <no-reply@clantrader.app>'),
    DEV_OUTBOX: Flag,
    APP_VERSION: z.string().min(1).default('dev'),
    /**
     * Test knob: PBKDF2 iterations for NEW hashes (verification reads the count from each
     * hash). Leave unset in production, where the default is OWASP's 600,000.
     */
    PBKDF2_ITERATIONS: z.coerce.number().int().min(1_000).max(10_000_000).optional(),
    /** OpenRouter (cloud AI tier), e.g. https://openrouter.ai/api/v1; key is a secret. */
    AI_CLOUD_BASE_URL: z.url().optional(),
    AI_CLOUD_API_KEY: z.string().min(1).optional(),
    AI_CLOUD_MODEL: z.string().min(1).optional(),
    /** An OpenAI-compatible local model (Ollama's /v1), e.g. http://10.0.0.5:11434/v1. */
    AI_LOCAL_BASE_URL: z.url().optional(),
    AI_LOCAL_MODEL: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT !== 'http') return;
    for (const key of ['MAIL_HTTP_URL', 'MAIL_HTTP_TOKEN'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when MAIL_TRANSPORT=http` });
    }
  });

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

const parsed = new WeakMap<object, WorkerEnv>();

/**
 * Validates the raw bindings, caching per env object (stable within an isolate).
 * @throws Error listing every invalid variable, without their values
 */
export function readWorkerEnv(raw: object): WorkerEnv {
  const hit = parsed.get(raw);
  if (hit) return hit;
  const result = WorkerEnvSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid Worker environment: ${problems}`);
  }
  parsed.set(raw, result.data);
  return result.data;
}

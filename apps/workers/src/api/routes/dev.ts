import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv, OutboxMessage } from '../deps';
import { queryParams } from '../validate';

const OutboxQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/**
 * Development-only outbox reader; mounted only when the composition root passes
 * `listOutbox` (DEV_OUTBOX=1), so production answers 404 on this path.
 */
export function devRoutes(listOutbox: (limit: number) => Promise<OutboxMessage[]>) {
  return new Hono<ApiEnv>().get('/dev/outbox', queryParams(OutboxQuerySchema), async (c) => {
    const messages = await listOutbox(c.req.valid('query').limit);
    return c.json({
      messages: messages.map(({ id, to, subject, text, createdAt }) => ({ id, to, subject, text, createdAt })),
    });
  });
}

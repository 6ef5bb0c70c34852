import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../deps';

/** Liveness plus a database probe; always 200 so a load balancer can tell "up but degraded". */
export function healthRoutes(deps: Pick<ApiDeps, 'checkDatabase' | 'version'>) {
  return new Hono<ApiEnv>().get('/health', async (c) => {
    const db = await deps.checkDatabase().catch(() => false);
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, db: db ? ('ok' as const) : ('down' as const), version: deps.version });
  });
}

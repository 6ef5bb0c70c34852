import { createMiddleware } from 'hono/factory';
import type { ApiDeps, ApiEnv } from '../deps';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id, echoed as `X-Request-Id` on every response and put in every
 * problem body and log line. A caller's (or proxy's) id is kept when it is a sane token,
 * so one id can follow a request across the web app, the API and the logs.
 */
export function assignRequestId(deps: Pick<ApiDeps, 'newRequestId'>) {
  const newId = deps.newRequestId ?? (() => crypto.randomUUID());
  return createMiddleware<ApiEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && SAFE_ID.test(incoming) ? incoming : newId();
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
  });
}

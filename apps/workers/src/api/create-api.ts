import { DomainError } from '@clantrader/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiDeps, ApiEnv, LogEntry } from './deps';
import { assignRequestId } from './middleware/request-id';
import { renderInternalError, renderProblem, toDomainError, tooLarge } from './problem';
import { authRoutes } from './routes/auth';
import { devRoutes } from './routes/dev';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { profileRoutes } from './routes/profiles';
import { roomRoutes } from './routes/rooms';
import { chatRoutes } from './routes/chat';
import { adminRoutes } from './routes/admin';
import { aiRoutes } from './routes/ai';
import { clanAiRoutes } from './routes/clan-ai';
import { internalAiRoutes } from './routes/internal-ai';
import { statementRoutes } from './routes/statements';
import { leaderboardRoutes } from './routes/leaderboard';
import { seasonRoutes } from './routes/seasons';
import { clanRoutes } from './routes/clans';
import { channelRoutes, isChannelImageUpload } from './routes/channels';
import { notificationRoutes } from './routes/notifications';

export const API_BASE = '/api/v1';
export const MAX_BODY_BYTES = 64 * 1024;
const UPLOAD_PATH = `${API_BASE}/statements`;

/**
 * The whole v1 HTTP API (docs/api.md) as one Hono app, the same on the edge and on-prem.
 * Runtime specifics arrive only through `deps`; errors of every kind leave as RFC 9457
 * problem+json carrying a stable code and the request id.
 */
export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const log = deps.log ?? logToConsole;
  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  const api = new Hono<ApiEnv>()
    // Statement uploads carry their own, larger limit (routes/statements.ts). Bodyless reads
    // skip the check: on Node, looking at the body builds a full Request per call, which
    // costs more than the rest of a cached read.
    .use((c, next) => (hasNoBody(c.req.method) || isUpload(c) ? next() : defaultLimit(c, next)))
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', meRoutes(deps))
    .route('/', profileRoutes(deps))
    .route('/', roomRoutes(deps))
    .route('/', chatRoutes(deps))
    .route('/', statementRoutes(deps))
    .route('/', seasonRoutes(deps))
    .route('/', leaderboardRoutes(deps))
    .route('/', clanRoutes(deps))
    .route('/', channelRoutes(deps))
    .route('/', notificationRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', aiRoutes(deps))
    .route('/', clanAiRoutes(deps))
    .route('/', internalAiRoutes(deps));
  if (deps.listOutbox) api.route('/', devRoutes(deps.listOutbox));

  const app = new Hono<ApiEnv>();
  app.use(assignRequestId(deps));
  app.route(API_BASE, api);
  app.notFound((c) =>
    renderProblem(c, new DomainError('request.not_found', `No route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => renderError(c, error, log));
  return app;
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
function hasNoBody(method: string): boolean {
  return BODYLESS.has(method);
}
function isUpload(c: Context<ApiEnv>): boolean {
  return (c.req.method === 'POST' && c.req.path === UPLOAD_PATH) || isChannelImageUpload(c.req.method, c.req.path);
}

function renderError(c: Context<ApiEnv>, error: unknown, log: (entry: LogEntry) => void): Response {
  const known = toDomainError(error);
  if (known) return renderProblem(c, known);
  log({
    level: 'error',
    event: 'request.failed',
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: describeError(error),
  });
  return renderInternalError(c);
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
  };
}

function logToConsole(entry: LogEntry): void {
  console.error(JSON.stringify(entry));
}

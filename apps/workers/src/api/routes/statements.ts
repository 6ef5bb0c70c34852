import {
  DomainError,
  getStatementForReview,
  listMyStatements,
  PageQuerySchema,
  statements,
  uploadStatement,
} from '@clantrader/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { queryParams, readPathId } from '../validate';

const { STATEMENT_LIMITS } = statements;

/**
 * The trader's own statements: upload (raw bytes, processed in the background), list and
 * status. Uploaded content only ever leaves as JSON fields; `nosniff` stops a browser from
 * guessing HTML out of any response here.
 */
export function statementRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  return new Hono<ApiEnv>()
    .use('/statements/*', noSniff)
    .use('/statements', noSniff)
    .post('/statements', session, uploadLimit(), async (c) => {
      if (c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/octet-stream') {
        throw new DomainError(
          'statement.unsupported_format',
          'Send the file itself as Content-Type: application/octet-stream',
        );
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const fileName = readFileName(c.req.header('x-file-name'));
      const { statementId } = await uploadStatement(deps.statements, { userId: c.get('user').id, fileName, bytes });
      c.header('location', `/api/v1/statements/${statementId}`);
      return c.json({ statementId }, 202);
    })
    .get('/statements', session, queryParams(PageQuerySchema), async (c) => {
      const q = c.req.valid('query');
      return c.json(await listMyStatements(deps.statements, { userId: c.get('user').id, ...q }));
    })
    .get('/statements/:id', session, async (c) => {
      const statementId = readStatementId(c.req.param('id'));
      return c.json(await getStatementForReview(deps.statements, { viewerId: c.get('user').id, statementId }));
    });
}

/** Ids are UUIDs; anything else is simply not found (and never reaches SQL). */
export function readStatementId(raw: string): string {
  return readPathId(raw, 'statement.not_found', 'No such statement');
}

/** Statement uploads may be up to STATEMENT_LIMITS.maxInputBytes; the API default is 64 KiB. */
function uploadLimit() {
  return bodyLimit({
    maxSize: STATEMENT_LIMITS.maxInputBytes,
    onError: () => {
      throw new DomainError(
        'statement.too_large',
        `The file is larger than ${STATEMENT_LIMITS.maxInputBytes / 1024 / 1024} MiB.`,
      );
    },
  });
}

/** `X-File-Name` may be percent-encoded (non-ASCII names); a bad encoding keeps the raw text. */
function readFileName(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

const noSniff = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  c.header('x-content-type-options', 'nosniff');
});

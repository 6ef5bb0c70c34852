import { DomainError } from '../shared/domain-error';
import type { StatementDeps } from './deps';
import type { Page, StatementRecord } from './model';
import { requireAdmin } from './require-admin';

/**
 * A statement as its owner or an admin sees it: status, findings, the stated vs computed
 * figures and the review. Storage details (blob key, hashes, account key) stay inside.
 */
export type StatementView = Omit<StatementRecord, 'blobKey' | 'fileHash' | 'contentHash' | 'accountKey'>;

/** A row of a statement list: no report body, so pages stay small. */
export type StatementSummary = Omit<StatementView, 'report' | 'findings'> & { findingCount: number };

export function toView(s: StatementRecord): StatementView {
  const { blobKey: _b, fileHash: _f, contentHash: _c, accountKey: _a, ...view } = s;
  return view;
}

function toSummary(s: StatementRecord): StatementSummary {
  const { report: _r, findings, ...rest } = toView(s);
  return { ...rest, findingCount: findings.length };
}

/**
 * One statement for the review screen (or the owner's status page). Anyone else gets
 * `statement.not_found`, so ids of other people's uploads cannot be probed.
 * @throws DomainError `statement.not_found`
 */
export async function getStatementForReview(
  deps: Pick<StatementDeps, 'store' | 'users'>,
  input: { viewerId: string; statementId: string },
): Promise<StatementView> {
  const s = await deps.store.findStatement(input.statementId);
  if (s && s.userId === input.viewerId) return toView(s);
  const viewer = s ? await deps.users.findUserById(input.viewerId) : null;
  if (!s || viewer?.role !== 'admin') throw new DomainError('statement.not_found', 'No such statement');
  return toView(s);
}

/**
 * The user's own uploads, newest first. `reverificationDue` is true when one of them
 * expired and nothing newer was verified for its account: the UI prompts a new upload.
 */
export async function listMyStatements(
  deps: Pick<StatementDeps, 'store'>,
  input: { userId: string; cursor?: string; limit: number },
): Promise<Page<StatementSummary> & { reverificationDue: boolean }> {
  const rows = await deps.store.listByUser(input.userId, { limit: input.limit + 1, ...cursorOf(input) });
  const page = paginate(rows, input.limit, toSummary);
  return { ...page, reverificationDue: await deps.store.hasReverifyPrompt(input.userId) };
}

/**
 * Everyone's statements in one status (default the review queue), for admins.
 * @throws DomainError `auth.forbidden`
 */
export async function listStatementsForReview(
  deps: Pick<StatementDeps, 'store' | 'users'>,
  input: { adminId: string; status: StatementRecord['status']; cursor?: string; limit: number },
): Promise<Page<StatementSummary>> {
  await requireAdmin(deps, input.adminId);
  const rows = await deps.store.listByStatus(input.status, { limit: input.limit + 1, ...cursorOf(input) });
  return paginate(rows, input.limit, toSummary);
}

function cursorOf(input: { cursor?: string }): { cursor?: string } {
  return input.cursor ? { cursor: input.cursor } : {};
}

function paginate<T>(rows: StatementRecord[], limit: number, map: (s: StatementRecord) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? last.id : null };
}

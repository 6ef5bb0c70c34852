import type {
  CompletionResult,
  DuplicateMatch,
  ProcessingOutcome,
  ReviewRecord,
  StatementRecord,
  StatementStore,
  TradeMerge,
  VerifiedStatement,
} from '@clantrader/core';
import { and, count, desc, eq, gte, isNotNull, lt, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../database';
import { auditLog, balanceOperations, statements, tradingAccounts, trades } from '../schema/index';
import { accountUtcOffset } from './season-sql';

type Row = typeof statements.$inferSelect;
const CHUNK = 500;

/**
 * The StatementStore port on PostgreSQL (any driver). Status changes are compare-and-set
 * UPDATEs run first inside their transaction: a concurrent second run blocks on the row
 * lock, then finds the status changed and writes nothing. Trades and balance operations
 * merge with ON CONFLICT DO NOTHING on (account, ticket) / (account, op_key).
 */
export function createStatementStore(db: Database): StatementStore {
  return {
    async createStatement(s, audit) {
      await db.transaction(async (tx) => {
        await tx.insert(statements).values(toRow(s));
        await tx.insert(auditLog).values(audit);
      });
    },
    async findStatement(id) {
      const rows = await db.select().from(statements).where(eq(statements.id, id)).limit(1);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    listByUser: (userId, page) => listPage(db, eq(statements.userId, userId), page),
    async listPendingBefore(cutoff, limit) {
      const rows = await db
        .select({ id: statements.id })
        .from(statements)
        .where(and(eq(statements.status, 'pending'), lt(statements.createdAt, cutoff)))
        .orderBy(statements.id)
        .limit(limit);
      return rows.map((r) => r.id);
    },
    listByStatus: (status, page) => listPage(db, eq(statements.status, status), page),
    findDuplicates: (q) => findDuplicates(db, q),
    completeProcessing: (o) => db.transaction((tx) => writeOutcome(tx, o)),
    recordReview: (r) => db.transaction((tx) => writeReview(tx, r)),
    expireStale: (cutoff, now, audit) =>
      db.transaction(async (tx) => {
        const fresh = alias(statements, 'fresh');
        const expired = await tx
          .update(statements)
          .set({ status: 'expired', expiredAt: now, reverifyPrompt: true })
          .where(
            and(
              eq(statements.status, 'verified'),
              lt(statements.verifiedAt, cutoff),
              notExists(
                tx
                  .select({ one: sql`1` })
                  .from(fresh)
                  .where(
                    and(
                      eq(fresh.tradingAccountId, statements.tradingAccountId),
                      eq(fresh.status, 'verified'),
                      gte(fresh.verifiedAt, cutoff),
                    ),
                  ),
              ),
            ),
          )
          .returning({ id: statements.id });
        const ids = expired.map((r) => r.id);
        if (ids.length) await tx.insert(auditLog).values(ids.map(audit));
        return ids;
      }),
    async listLatestVerified(userId) {
      const rows = await db
        .selectDistinctOn([statements.tradingAccountId])
        .from(statements)
        .where(
          and(
            eq(statements.userId, userId),
            eq(statements.status, 'verified'),
            isNotNull(statements.tradingAccountId),
            isNotNull(statements.report),
          ),
        )
        .orderBy(statements.tradingAccountId, desc(statements.verifiedAt), desc(statements.id));
      return rows.map(fromRow).filter((s): s is VerifiedStatement => s.report !== null && s.tradingAccountId !== null);
    },
    async hasReverifyPrompt(userId) {
      const rows = await db
        .select({ id: statements.id })
        .from(statements)
        .where(and(eq(statements.userId, userId), eq(statements.reverifyPrompt, true)))
        .limit(1);
      return rows.length > 0;
    },
    async countTrades(tradingAccountId) {
      const rows = await db.select({ n: count() }).from(trades).where(eq(trades.tradingAccountId, tradingAccountId));
      return rows[0]?.n ?? 0;
    },
  };
}

async function listPage(
  db: Database,
  where: SQL,
  page: { cursor?: string; limit: number },
): Promise<StatementRecord[]> {
  const rows = await db
    .select()
    .from(statements)
    .where(page.cursor ? and(where, lt(statements.id, page.cursor)) : where)
    .orderBy(desc(statements.id))
    .limit(page.limit);
  return rows.map(fromRow);
}

type DuplicateQuery = Parameters<StatementStore['findDuplicates']>[0];

async function findDuplicates(db: Executor, q: DuplicateQuery): Promise<DuplicateMatch[]> {
  const match = [eq(statements.fileHash, q.fileHash), eq(statements.contentHash, q.contentHash)];
  if (q.accountKey) match.push(eq(statements.accountKey, q.accountKey));
  const rows = await db
    .select({
      id: statements.id,
      userId: statements.userId,
      fileHash: statements.fileHash,
      contentHash: statements.contentHash,
      accountKey: statements.accountKey,
    })
    .from(statements)
    .where(and(ne(statements.userId, q.userId), ne(statements.status, 'rejected'), or(...match)))
    .orderBy(statements.id)
    .limit(100);
  const out: DuplicateMatch[] = [];
  for (const r of rows) {
    if (r.fileHash === q.fileHash) out.push({ statementId: r.id, userId: r.userId, match: 'file' });
    if (r.contentHash === q.contentHash) out.push({ statementId: r.id, userId: r.userId, match: 'content' });
    if (q.accountKey && r.accountKey === q.accountKey)
      out.push({ statementId: r.id, userId: r.userId, match: 'account' });
  }
  return out;
}

/**
 * Serialises decisions about the same file, history or account: two uploads sharing any
 * of them take the same transaction-scoped advisory locks (sorted, so never a deadlock),
 * and the second re-reads the duplicates only after the first committed.
 */
async function lockClaims(tx: Executor, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`claim:${key}`}, 0))`);
  }
}

async function writeOutcome(tx: Executor, o: ProcessingOutcome): Promise<CompletionResult> {
  const pending = await tx
    .select({ userId: statements.userId })
    .from(statements)
    .where(and(eq(statements.id, o.statementId), eq(statements.status, 'pending')))
    .limit(1);
  const owner = pending[0]?.userId;
  if (!owner) return 'not_pending';
  if (o.fileHash && o.contentHash) {
    await lockClaims(tx, [o.fileHash, o.contentHash, ...(o.accountKey ? [o.accountKey] : [])]);
    const now = await findDuplicates(tx, { userId: owner, ...o, fileHash: o.fileHash, contentHash: o.contentHash });
    if (now.some((d) => !o.duplicatesSeen.includes(d.statementId))) return 'stale';
  }
  const claimed = await tx
    .update(statements)
    .set({
      status: o.status,
      fileHash: o.fileHash,
      contentHash: o.contentHash,
      accountKey: o.accountKey,
      findings: o.findings,
      report: o.report,
      rejectReason: o.rejectReason,
      processedAt: o.at,
      verifiedAt: o.status === 'verified' ? o.at : null,
    })
    .where(and(eq(statements.id, o.statementId), eq(statements.status, 'pending')))
    .returning({ id: statements.id });
  if (claimed.length === 0) return 'not_pending';
  if (o.account) {
    const [account] = await tx
      .insert(tradingAccounts)
      .values({ ...o.account, createdAt: o.at })
      .onConflictDoUpdate({
        target: [tradingAccounts.userId, tradingAccounts.accountKey],
        set: { broker: o.account.broker, server: o.account.server, currency: o.account.currency },
      })
      .returning({ id: tradingAccounts.id });
    if (!account) throw new Error('trading account upsert returned no row');
    await tx.update(statements).set({ tradingAccountId: account.id }).where(eq(statements.id, o.statementId));
    if (o.status === 'verified') await verifyAccount(tx, account.id, o.statementId, o.merge);
  }
  await tx.insert(auditLog).values(o.audit);
  return 'written';
}

async function writeReview(tx: Executor, r: ReviewRecord): Promise<boolean> {
  const approved = r.decision === 'approve';
  const claimed = await tx
    .update(statements)
    .set({
      status: approved ? 'verified' : 'rejected',
      verifiedAt: approved ? r.at : null,
      rejectReason: approved ? null : r.reason,
      reviewBy: r.reviewerId,
      reviewedAt: r.at,
      reviewDecision: r.decision,
      reviewReason: r.reason,
    })
    .where(and(eq(statements.id, r.statementId), eq(statements.status, 'needs_review')))
    .returning({ tradingAccountId: statements.tradingAccountId });
  const row = claimed[0];
  if (!row) return false;
  if (approved && row.tradingAccountId) await verifyAccount(tx, row.tradingAccountId, r.statementId, r.merge);
  await tx.insert(auditLog).values(r.audit);
  return true;
}

/** Merges the rows (duplicates ignored) and clears the account's re-verification prompt. */
async function verifyAccount(tx: Executor, accountId: string, statementId: string, merge: TradeMerge | null) {
  await tx
    .update(statements)
    .set({ reverifyPrompt: false })
    .where(and(eq(statements.tradingAccountId, accountId), eq(statements.reverifyPrompt, true)));
  // The season pass reads trades.closed_at in UTC with the offset of the account's newest
  // verified statement (this one): new trades get it, older ones are re-based if it changed.
  const off = sql`(${accountUtcOffset(sql`${accountId}::uuid`)})`;
  const utc = (time: string | null) => (time === null ? null : sql`${time}::timestamp - make_interval(mins => ${off})`);
  await tx.execute(sql`
    update trades set closed_at = close_time::timestamp - make_interval(mins => ${off}),
      opened_at = open_time::timestamp - make_interval(mins => ${off})
    where trading_account_id = ${accountId} and closed_at <> close_time::timestamp - make_interval(mins => ${off})`);
  if (!merge) return;
  for (let i = 0; i < merge.trades.length; i += CHUNK) {
    const chunk = merge.trades.slice(i, i + CHUNK).map((t) => ({
      tradingAccountId: accountId,
      statementId,
      ticket: t.ticket,
      positionId: t.positionId,
      openTime: t.openTime,
      closeTime: t.closeTime,
      side: t.side,
      volume: t.volume,
      symbol: t.symbol,
      openPrice: t.openPrice,
      closePrice: t.closePrice,
      commission: t.commission,
      fee: t.fee,
      swap: t.swap,
      profit: t.profit,
      magic: t.magic,
      comment: t.comment,
      closedAt: utc(t.closeTime) as SQL,
      openedAt: utc(t.openTime),
    }));
    await tx.insert(trades).values(chunk).onConflictDoNothing();
  }
  for (let i = 0; i < merge.balanceOperations.length; i += CHUNK) {
    const chunk = merge.balanceOperations.slice(i, i + CHUNK).map((b) => ({
      tradingAccountId: accountId,
      statementId,
      opKey: b.ticket ?? `${b.time}|${b.kind}|${b.amount}`,
      ticket: b.ticket,
      time: b.time,
      kind: b.kind,
      amount: b.amount,
      comment: b.comment,
    }));
    await tx.insert(balanceOperations).values(chunk).onConflictDoNothing();
  }
}

function toRow(s: StatementRecord): typeof statements.$inferInsert {
  const { review, ...rest } = s;
  return {
    ...rest,
    reviewBy: review?.by ?? null,
    reviewedAt: review?.at ?? null,
    reviewDecision: review?.decision ?? null,
    reviewReason: review?.reason ?? null,
  };
}

function fromRow(r: Row): StatementRecord {
  const { reviewBy, reviewedAt, reviewDecision, reviewReason, ...rest } = r;
  return {
    ...rest,
    review:
      reviewBy && reviewedAt && reviewDecision
        ? { by: reviewBy, at: reviewedAt, decision: reviewDecision, reason: reviewReason }
        : null,
  };
}

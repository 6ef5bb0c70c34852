import type { AuditEntry } from '../accounts/model';
import type { StatementRecord, StatementStatus } from '../statement-uploads/model';
import type {
  CompletionResult,
  DuplicateMatch,
  ProcessingOutcome,
  ReviewRecord,
  StatementStore,
  TradeMerge,
  VerifiedStatement,
} from '../statement-uploads/ports';

type TradingAccount = NonNullable<ProcessingOutcome['account']>;

/**
 * In-memory StatementStore with the SQL store's guarantees: compare-and-set status changes,
 * trades unique by (account, ticket), balance operations unique by their key.
 */
export class MemoryStatementStore implements StatementStore {
  readonly statements = new Map<string, StatementRecord>();
  readonly accounts = new Map<string, TradingAccount>();
  /** accountId -> ticket -> trade */
  readonly trades = new Map<string, Map<string, TradeMerge['trades'][number]>>();
  readonly balanceOps = new Map<string, Map<string, TradeMerge['balanceOperations'][number]>>();
  readonly audit: AuditEntry[] = [];

  async createStatement(s: StatementRecord, audit: AuditEntry) {
    this.statements.set(s.id, copy(s));
    this.audit.push(audit);
  }
  async findStatement(id: string) {
    const s = this.statements.get(id);
    return s ? copy(s) : null;
  }
  async listByUser(userId: string, page: { cursor?: string; limit: number }) {
    return this.page((s) => s.userId === userId, page);
  }
  async listByStatus(status: StatementStatus, page: { cursor?: string; limit: number }) {
    return this.page((s) => s.status === status, page);
  }
  async listPendingBefore(cutoff: Date, limit: number) {
    return [...this.statements.values()]
      .filter((s) => s.status === 'pending' && s.createdAt < cutoff)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((s) => s.id);
  }
  async findDuplicates(q: { userId: string; fileHash: string; contentHash: string; accountKey: string | null }) {
    const out: DuplicateMatch[] = [];
    for (const s of this.statements.values()) {
      if (s.userId === q.userId || s.status === 'rejected') continue;
      if (s.fileHash === q.fileHash) out.push({ statementId: s.id, userId: s.userId, match: 'file' });
      if (s.contentHash === q.contentHash) out.push({ statementId: s.id, userId: s.userId, match: 'content' });
      if (q.accountKey && s.accountKey === q.accountKey)
        out.push({ statementId: s.id, userId: s.userId, match: 'account' });
    }
    return out;
  }
  async completeProcessing(o: ProcessingOutcome): Promise<CompletionResult> {
    const s = this.statements.get(o.statementId);
    if (!s || s.status !== 'pending') return 'not_pending';
    if (o.fileHash && o.contentHash) {
      const now = await this.findDuplicates({
        userId: s.userId,
        fileHash: o.fileHash,
        contentHash: o.contentHash,
        accountKey: o.accountKey,
      });
      if (now.some((d) => !o.duplicatesSeen.includes(d.statementId))) return 'stale';
    }
    const accountId = o.account ? this.upsertAccount(o.account) : null;
    this.statements.set(s.id, {
      ...s,
      status: o.status,
      fileHash: o.fileHash,
      contentHash: o.contentHash,
      accountKey: o.accountKey,
      tradingAccountId: accountId,
      findings: o.findings,
      report: o.report,
      rejectReason: o.rejectReason,
      processedAt: o.at,
      verifiedAt: o.status === 'verified' ? o.at : null,
    });
    if (o.status === 'verified' && accountId) this.verifyAccount(accountId, o.merge);
    this.audit.push(o.audit);
    return 'written';
  }
  async recordReview(r: ReviewRecord) {
    const s = this.statements.get(r.statementId);
    if (!s || s.status !== 'needs_review') return false;
    const approved = r.decision === 'approve';
    this.statements.set(s.id, {
      ...s,
      status: approved ? 'verified' : 'rejected',
      verifiedAt: approved ? r.at : null,
      rejectReason: approved ? null : r.reason,
      review: { by: r.reviewerId, at: r.at, decision: r.decision, reason: r.reason },
    });
    if (approved && s.tradingAccountId) this.verifyAccount(s.tradingAccountId, r.merge);
    this.audit.push(r.audit);
    return true;
  }
  async expireStale(cutoff: Date, now: Date, audit: (id: string) => AuditEntry) {
    const fresh = new Set(
      [...this.statements.values()]
        .filter((s) => s.status === 'verified' && s.verifiedAt && s.verifiedAt >= cutoff)
        .map((s) => s.tradingAccountId),
    );
    const expired: string[] = [];
    for (const s of this.statements.values()) {
      if (s.status !== 'verified' || !s.verifiedAt || s.verifiedAt >= cutoff || fresh.has(s.tradingAccountId)) continue;
      this.statements.set(s.id, { ...s, status: 'expired', expiredAt: now, reverifyPrompt: true });
      this.audit.push(audit(s.id));
      expired.push(s.id);
    }
    return expired;
  }
  async listLatestVerified(userId: string) {
    const latest = new Map<string, VerifiedStatement>();
    for (const s of this.statements.values()) {
      if (s.userId !== userId || s.status !== 'verified' || !s.report || !s.tradingAccountId) continue;
      const seen = latest.get(s.tradingAccountId);
      if (!seen || (seen.verifiedAt ?? 0) < (s.verifiedAt ?? 0)) {
        latest.set(s.tradingAccountId, copy({ ...s, report: s.report, tradingAccountId: s.tradingAccountId }));
      }
    }
    return [...latest.values()];
  }
  async hasReverifyPrompt(userId: string) {
    return [...this.statements.values()].some((s) => s.userId === userId && s.reverifyPrompt);
  }
  async countTrades(tradingAccountId: string) {
    return this.trades.get(tradingAccountId)?.size ?? 0;
  }

  private page(keep: (s: StatementRecord) => boolean, page: { cursor?: string; limit: number }) {
    return [...this.statements.values()]
      .filter((s) => keep(s) && (!page.cursor || s.id < page.cursor))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, page.limit)
      .map((s) => copy(s));
  }

  private upsertAccount(a: TradingAccount): string {
    const found = [...this.accounts.values()].find((x) => x.userId === a.userId && x.accountKey === a.accountKey);
    if (found) return found.id;
    this.accounts.set(a.id, { ...a });
    return a.id;
  }

  /** Merges trades and clears the re-verification prompt of the account's statements. */
  private verifyAccount(accountId: string, merge: TradeMerge | null) {
    for (const s of this.statements.values()) {
      if (s.tradingAccountId === accountId && s.reverifyPrompt)
        this.statements.set(s.id, { ...s, reverifyPrompt: false });
    }
    if (!merge) return;
    const trades = this.trades.get(accountId) ?? new Map();
    for (const t of merge.trades) if (!trades.has(t.ticket)) trades.set(t.ticket, t);
    this.trades.set(accountId, trades);
    const ops = this.balanceOps.get(accountId) ?? new Map();
    for (const b of merge.balanceOperations) {
      const key = balanceOperationKey(b);
      if (!ops.has(key)) ops.set(key, b);
    }
    this.balanceOps.set(accountId, ops);
  }
}

/** The identity of a balance operation within an account: its ticket, else time+kind+amount. */
export function balanceOperationKey(b: TradeMerge['balanceOperations'][number]): string {
  return b.ticket ?? `${b.time}|${b.kind}|${b.amount}`;
}

/** A copy callers may mutate without touching the store (nested values are replaced, never mutated, by the store). */
function copy<T extends StatementRecord>(s: T): T {
  return { ...s, findings: [...s.findings] };
}

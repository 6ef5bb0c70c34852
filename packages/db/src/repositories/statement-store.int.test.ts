import {
  expireStatements,
  getTraderStats,
  processStatement,
  reviewStatement,
  uploadStatement,
  type StatementDeps,
} from '@clantrader/core';
import {
  buildSyntheticStatement,
  fakeContentHasher,
  ManualClock,
  MemoryBlobStore,
  MemoryJobQueue,
  SequentialIds,
} from '@clantrader/core/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { auditLog, balanceOperations, statements, trades, users } from '../schema/index';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createStatementStore } from './statement-store';

const DAY = 86_400_000;

describe.each(testDatabases())('StatementStore on $name', ({ open }) => {
  let handle: DbHandle;
  let deps: StatementDeps;
  let clock: ManualClock;
  let n = 0;

  beforeEach(async () => {
    handle = await open();
    clock = new ManualClock();
    deps = {
      store: createStatementStore(handle.db),
      users: createAccountStore(handle.db),
      blobs: new MemoryBlobStore(),
      queue: new MemoryJobQueue(),
      hasher: fakeContentHasher,
      clock,
      ids: new SequentialIds(),
    };
  });
  afterEach(() => handle.close());

  async function user(role: 'user' | 'admin' = 'user') {
    n += 1;
    const a = newAccount(n);
    a.user.role = role;
    await createAccountStore(handle.db).createAccount(a);
    return { id: a.user.id, handle: a.profile.handle };
  }
  async function upload(userId: string, bytes = buildSyntheticStatement()) {
    return uploadStatement(deps, { userId, fileName: 'report.htm', bytes });
  }

  it('verifies an upload, reads it back whole and merges its trades', async () => {
    const u = await user();
    const { statementId } = await upload(u.id);
    expect(await deps.store.findStatement(statementId)).toMatchObject({
      status: 'pending',
      review: null,
      findings: [],
    });
    expect(await processStatement(deps, { statementId })).toEqual({ status: 'verified', changed: true });
    const s = await deps.store.findStatement(statementId);
    expect(s).toMatchObject({
      status: 'verified',
      verifiedAt: clock.now(),
      accountKey: 'broker:demo broker ltd|login:7001',
    });
    expect(s?.report?.stats.netProfit).toBe(5800);
    expect(await deps.store.countTrades(s?.tradingAccountId ?? '')).toBe(5);
    const stats = await getTraderStats(deps, u.handle);
    expect(stats).toMatchObject({ verified: true, accounts: [{ statementId, stats: { tradeCount: 5 } }] });
  });

  it('merges overlapping re-uploads by (account, ticket) without duplicates', async () => {
    const u = await user();
    await processStatement(deps, await upload(u.id));
    const longer = buildSyntheticStatement({ profits: [2_500, -1_200, 3_100, -400, 1_800, 900, 700] });
    const again = await upload(u.id, longer);
    expect((await processStatement(deps, again)).status).toBe('verified');
    expect(await handle.db.select().from(trades)).toHaveLength(7);
    expect(await handle.db.select().from(balanceOperations)).toHaveLength(1);
    const page = await deps.store.listByUser(u.id, { limit: 1 });
    expect(page.map((s) => s.id)).toEqual([again.statementId]);
    expect(await deps.store.listByUser(u.id, { limit: 5, cursor: again.statementId })).toHaveLength(1);
  });

  it('finds the same file, history and account claimed by another user', async () => {
    const first = await user();
    const { statementId } = await upload(first.id);
    await processStatement(deps, { statementId });
    const second = await user();
    const copy = await upload(second.id);
    expect((await processStatement(deps, copy)).status).toBe('needs_review');
    const s = await deps.store.findStatement(copy.statementId);
    expect(s?.findings.map((f) => f.code)).toEqual(['duplicate_file', 'duplicate_content', 'account_claimed']);
    expect(s?.findings[0]?.numbers).toMatchObject({ statement1: statementId });
    expect(await handle.db.select().from(trades)).toHaveLength(5);
  });

  it('processes a statement once when two workers run the same job at the same time', async () => {
    const u = await user();
    const { statementId } = await upload(u.id);
    const results = await Promise.all([
      processStatement(deps, { statementId }),
      processStatement(deps, { statementId }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.every((r) => r.status === 'verified')).toBe(true);
    expect(await handle.db.select().from(trades)).toHaveLength(5);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'statement.verified'))).toHaveLength(1);
  });

  it('lists pending statements created before a cutoff, oldest first', async () => {
    const u = await user();
    const first = await upload(u.id);
    clock.advance(60_000);
    const second = await upload(u.id);
    clock.advance(60_000);
    await upload(u.id);
    await processStatement(deps, second);
    expect(await deps.store.listPendingBefore(clock.now(), 10)).toEqual([first.statementId]);
    clock.advance(1);
    expect(await deps.store.listPendingBefore(clock.now(), 10)).toHaveLength(2);
    expect(await deps.store.listPendingBefore(clock.now(), 1)).toEqual([first.statementId]);
  });

  it('lets only one of two users claiming the same account at the same instant be verified', async () => {
    const [a, b] = [await user(), await user()];
    const uploads = [await upload(a.id), await upload(b.id)];
    // Both jobs read the duplicates before either writes: the race the claim locks close.
    const store = deps.store;
    let calls = 0;
    let releaseFirst = () => {};
    const racing: StatementDeps = {
      ...deps,
      store: {
        ...store,
        async findDuplicates(q) {
          const found = await store.findDuplicates(q);
          calls += 1;
          if (calls === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
          if (calls === 2) releaseFirst();
          return found;
        },
      },
    };
    const results = await Promise.all(uploads.map((u) => processStatement(racing, u)));
    expect(calls).toBe(3);
    expect(results.map((r) => r.status).sort()).toEqual(['needs_review', 'verified']);
    const loser = uploads[results.findIndex((r) => r.status === 'needs_review')];
    const findings = (await deps.store.findStatement(loser?.statementId ?? ''))?.findings.map((f) => f.code);
    expect(findings).toContain('account_claimed');
    expect(await handle.db.select().from(trades)).toHaveLength(5);
  });

  it('records an approval once, merging the trades of the reviewed statement', async () => {
    const owner = await user();
    const admin = await user('admin');
    const { statementId } = await upload(owner.id, buildSyntheticStatement({ tamper: true }));
    await processStatement(deps, { statementId });
    expect((await deps.store.listByStatus('needs_review', { limit: 10 })).map((s) => s.id)).toEqual([statementId]);
    const [a, b] = await Promise.allSettled([
      reviewStatement(deps, { adminId: admin.id, statementId, decision: 'approve' }),
      reviewStatement(deps, { adminId: admin.id, statementId, decision: 'reject', reason: 'late' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const s = await deps.store.findStatement(statementId);
    expect(s?.review).toMatchObject({ by: admin.id });
    expect(await handle.db.select().from(trades)).toHaveLength(s?.status === 'verified' ? 5 : 0);
  });

  it('expires verified statements after 30 days and prompts the owner', async () => {
    const u = await user();
    const { statementId } = await upload(u.id);
    await processStatement(deps, { statementId });
    clock.advance(31 * DAY);
    expect(await expireStatements(deps)).toEqual({ expired: 1 });
    expect(await expireStatements(deps)).toEqual({ expired: 0 });
    expect(await deps.store.hasReverifyPrompt(u.id)).toBe(true);
    expect(await deps.store.listLatestVerified(u.id)).toEqual([]);
    await processStatement(
      deps,
      await upload(u.id, buildSyntheticStatement({ profits: [100, 200], firstTicket: 9000 })),
    );
    expect(await deps.store.hasReverifyPrompt(u.id)).toBe(false);
    expect(await deps.store.listLatestVerified(u.id)).toHaveLength(1);
  });

  it('removes a user’s statements and trading accounts with the user', async () => {
    const u = await user();
    await processStatement(deps, await upload(u.id));
    await handle.db.delete(users).where(eq(users.id, u.id));
    expect(await handle.db.select().from(statements)).toEqual([]);
    expect(await handle.db.select().from(trades)).toEqual([]);
  });
});

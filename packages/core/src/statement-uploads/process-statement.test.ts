import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps, utf8 } from '../testing';
import { processStatement } from './process-statement';
import { uploadStatement } from './upload-statement';

async function uploaded(bytes = buildSyntheticStatement()) {
  const f = fakeStatementDeps();
  const user = await f.addUser();
  const { statementId } = await uploadStatement(f.deps, { userId: user.id, fileName: 's.htm', bytes });
  return { ...f, user, statementId };
}

describe('processStatement', () => {
  it('verifies a consistent statement, stores stated vs computed figures and merges its trades', async () => {
    const { deps, store, statementId } = await uploaded();
    expect(await processStatement(deps, { statementId })).toEqual({ status: 'verified', changed: true });
    const s = store.statements.get(statementId);
    expect(s).toMatchObject({
      status: 'verified',
      label: 'self_reported',
      findings: [],
      accountKey: 'broker:demo broker ltd|login:7001',
    });
    expect(s?.verifiedAt).toEqual(deps.clock.now());
    expect(s?.report?.figures).toContainEqual({ key: 'totalNetProfit', stated: '58.00', computed: '58.00' });
    expect(s?.report?.stats).toMatchObject({ tradeCount: 5, netProfit: 5800, finalBalance: 105800 });
    expect(await store.countTrades(s?.tradingAccountId ?? '')).toBe(5);
    expect(store.audit.map((a) => a.action)).toEqual(['statement.uploaded', 'statement.verified']);
  });

  it('is idempotent: a second delivery of the job changes nothing', async () => {
    const { deps, store, statementId } = await uploaded();
    await processStatement(deps, { statementId });
    expect(await processStatement(deps, { statementId })).toEqual({ status: 'verified', changed: false });
    expect(store.audit).toHaveLength(2);
  });

  it('sends a tampered statement to review with its findings and merges nothing', async () => {
    const { deps, store, statementId } = await uploaded(buildSyntheticStatement({ tamper: true }));
    expect((await processStatement(deps, { statementId })).status).toBe('needs_review');
    const s = store.statements.get(statementId);
    expect(s?.findings.map((f) => f.code)).toContain('summary_mismatch');
    expect(await store.countTrades(s?.tradingAccountId ?? '')).toBe(0);
  });

  it('flags the same file and the same account claimed by another user', async () => {
    const { deps, store, statementId, addUser } = await uploaded();
    await processStatement(deps, { statementId });
    const other = await addUser();
    const second = await uploadStatement(deps, {
      userId: other.id,
      fileName: 'mine.htm',
      bytes: buildSyntheticStatement(),
    });
    expect((await processStatement(deps, second)).status).toBe('needs_review');
    const codes = store.statements.get(second.statementId)?.findings.map((f) => f.code);
    expect(codes).toEqual(['duplicate_file', 'duplicate_content', 'account_claimed']);
  });

  it('lets the owner upload overlapping history again without duplicating trades', async () => {
    const { deps, store, statementId, user } = await uploaded();
    await processStatement(deps, { statementId });
    const longer = buildSyntheticStatement({ profits: [2_500, -1_200, 3_100, -400, 1_800, 900, 700] });
    const again = await uploadStatement(deps, { userId: user.id, fileName: 'later.htm', bytes: longer });
    expect((await processStatement(deps, again)).status).toBe('verified');
    const accountId = store.statements.get(statementId)?.tradingAccountId ?? '';
    expect(store.statements.get(again.statementId)?.tradingAccountId).toBe(accountId);
    expect(await store.countTrades(accountId)).toBe(7);
    expect(store.balanceOps.get(accountId)?.size).toBe(1);
  });

  it('rejects an unreadable file with the parser reason', async () => {
    const truncated = utf8('<html><body><table><tr><td>Ticket</td></tr>');
    const { deps, store, statementId } = await uploaded(truncated);
    expect((await processStatement(deps, { statementId })).status).toBe('rejected');
    expect(store.statements.get(statementId)?.rejectReason).toMatch(/^statement\.malformed: /);
  });

  it('throws for an unknown statement so the queue can drop or retry it', async () => {
    const { deps } = fakeStatementDeps();
    await expect(processStatement(deps, { statementId: '00000000-0000-7000-8000-999999999999' })).rejects.toMatchObject(
      {
        code: 'statement.not_found',
      },
    );
  });
});

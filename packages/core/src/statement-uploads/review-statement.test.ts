import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps } from '../testing';
import { processStatement } from './process-statement';
import { reviewStatement } from './review-statement';
import { uploadStatement } from './upload-statement';
import { getStatementForReview, listStatementsForReview } from './view-statement';

async function inReview() {
  const f = fakeStatementDeps();
  const owner = await f.addUser();
  const admin = await f.addUser('admin');
  const bytes = buildSyntheticStatement({ tamper: true });
  const { statementId } = await uploadStatement(f.deps, { userId: owner.id, fileName: 's.htm', bytes });
  await processStatement(f.deps, { statementId });
  return { ...f, owner, admin, statementId };
}

describe('reviewStatement', () => {
  it('lets an admin approve a statement in review: verified, trades merged, audited', async () => {
    const { deps, store, admin, statementId } = await inReview();
    const view = await reviewStatement(deps, { adminId: admin.id, statementId, decision: 'approve' });
    expect(view).toMatchObject({ status: 'verified', review: { by: admin.id, decision: 'approve', reason: null } });
    expect(await store.countTrades(view.tradingAccountId ?? '')).toBe(5);
    expect(store.audit.at(-1)).toMatchObject({
      actorId: admin.id,
      action: 'statement.approved',
      subjectId: statementId,
    });
  });

  it('rejects with the reason shown to the owner, and refuses a second decision', async () => {
    const { deps, admin, owner, statementId } = await inReview();
    await reviewStatement(deps, { adminId: admin.id, statementId, decision: 'reject', reason: 'Edited totals' });
    const seen = await getStatementForReview(deps, { viewerId: owner.id, statementId });
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: 'Edited totals' });
    await expect(reviewStatement(deps, { adminId: admin.id, statementId, decision: 'approve' })).rejects.toMatchObject({
      code: 'statement.not_reviewable',
    });
  });

  it('requires a reason to reject', async () => {
    const { deps, admin, statementId } = await inReview();
    await expect(
      reviewStatement(deps, { adminId: admin.id, statementId, decision: 'reject', reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
    });
  });

  it('is for admins only', async () => {
    const { deps, owner, statementId } = await inReview();
    await expect(reviewStatement(deps, { adminId: owner.id, statementId, decision: 'approve' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(
      listStatementsForReview(deps, { adminId: owner.id, status: 'needs_review', limit: 10 }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});

describe('getStatementForReview', () => {
  it('shows stated vs computed figures and findings to the owner and admins, nobody else', async () => {
    const { deps, admin, owner, statementId, addUser } = await inReview();
    const view = await getStatementForReview(deps, { viewerId: admin.id, statementId });
    expect(view.findings.map((f) => f.code)).toContain('summary_mismatch');
    expect(view.report?.figures).toContainEqual({ key: 'totalNetProfit', stated: '58.00', computed: '158.00' });
    expect(view).not.toHaveProperty('blobKey');
    expect((await getStatementForReview(deps, { viewerId: owner.id, statementId })).id).toBe(statementId);
    const stranger = await addUser();
    await expect(getStatementForReview(deps, { viewerId: stranger.id, statementId })).rejects.toMatchObject({
      code: 'statement.not_found',
    });
  });

  it('lists the review queue for admins, newest first, page by page', async () => {
    const { deps, admin, owner } = await inReview();
    for (let i = 0; i < 2; i++) {
      const up = await uploadStatement(deps, {
        userId: owner.id,
        fileName: `t${i}.htm`,
        bytes: buildSyntheticStatement({ tamper: true, login: `8${i}` }),
      });
      await processStatement(deps, up);
    }
    const first = await listStatementsForReview(deps, { adminId: admin.id, status: 'needs_review', limit: 2 });
    expect(first.items.map((s) => s.fileName)).toEqual(['t1.htm', 't0.htm']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listStatementsForReview(deps, {
      adminId: admin.id,
      status: 'needs_review',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second).toMatchObject({ items: [{ fileName: 's.htm', findingCount: 4 }], nextCursor: null });
  });
});

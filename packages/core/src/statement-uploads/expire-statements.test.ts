import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps } from '../testing';
import { expireStatements } from './expire-statements';
import { getTraderStats } from './get-trader-stats';
import { processStatement } from './process-statement';
import { uploadStatement } from './upload-statement';
import { listMyStatements } from './view-statement';

const DAY = 24 * 60 * 60 * 1000;

async function verified() {
  const f = fakeStatementDeps();
  const user = await f.addUser();
  const up = await uploadStatement(f.deps, { userId: user.id, fileName: 's.htm', bytes: buildSyntheticStatement() });
  await processStatement(f.deps, up);
  return { ...f, user, statementId: up.statementId };
}

describe('expireStatements', () => {
  it('leaves a statement verified for 30 days', async () => {
    const { deps, store, clock, statementId } = await verified();
    clock.advance(30 * DAY);
    expect(await expireStatements(deps)).toEqual({ expired: 0 });
    expect(store.statements.get(statementId)?.status).toBe('verified');
  });

  it('expires it after 30 days, prompts the owner and hides the public stats', async () => {
    const { deps, store, clock, user, statementId } = await verified();
    clock.advance(30 * DAY + 1);
    expect(await expireStatements(deps)).toEqual({ expired: 1 });
    expect(await expireStatements(deps)).toEqual({ expired: 0 });
    expect(store.statements.get(statementId)).toMatchObject({ status: 'expired', reverifyPrompt: true });
    expect(store.audit.at(-1)).toMatchObject({ action: 'statement.expired', subjectId: statementId });
    expect((await listMyStatements(deps, { userId: user.id, limit: 10 })).reverificationDue).toBe(true);
    expect(await getTraderStats(deps, user.handle)).toMatchObject({ verified: false, badge: null, accounts: [] });
  });

  it('clears the prompt when a newer statement of that account is verified', async () => {
    const { deps, clock, user } = await verified();
    clock.advance(31 * DAY);
    await expireStatements(deps);
    const fresh = buildSyntheticStatement({ profits: [2_500, -1_200, 3_100, -400, 1_800, 600] });
    await processStatement(deps, await uploadStatement(deps, { userId: user.id, fileName: 'new.htm', bytes: fresh }));
    expect((await listMyStatements(deps, { userId: user.id, limit: 10 })).reverificationDue).toBe(false);
  });
});

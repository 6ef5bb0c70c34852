import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps } from '../testing';
import { processStatement } from './process-statement';
import { REQUEUE_AFTER_MS, requeuePendingStatements } from './requeue-pending';
import { uploadStatement } from './upload-statement';

describe('requeuePendingStatements', () => {
  it('queues again only the statements whose job was lost, and processing them verifies once', async () => {
    const { deps, queue, clock, store, addUser } = fakeStatementDeps();
    const user = await addUser();
    const upload = () =>
      uploadStatement(deps, { userId: user.id, fileName: 's.htm', bytes: buildSyntheticStatement() });
    const lost = await upload();
    const done = await upload();
    await processStatement(deps, done);
    queue.take(); // a restart: the in-process queue is gone
    clock.advance(REQUEUE_AFTER_MS - 1);
    const fresh = await upload();
    queue.take();

    expect(await requeuePendingStatements(deps)).toEqual({ requeued: 0 });
    clock.advance(2);
    expect(await requeuePendingStatements(deps)).toEqual({ requeued: 1 });
    expect(queue.take()).toEqual([{ type: 'statement.process', statementId: lost.statementId }]);

    await processStatement(deps, lost);
    await processStatement(deps, lost);
    expect(store.statements.get(lost.statementId)?.status).toBe('verified');
    expect(store.statements.get(fresh.statementId)?.status).toBe('pending');
  });
});

import { describe, expect, it } from 'vitest';
import { RoomQueues } from './room-queue';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('RoomQueues.pipeline', () => {
  it('starts the next write while the previous one is still being written', async () => {
    const queues = new RoomQueues((e) => {
      throw e;
    });
    const writes = [deferred<string>(), deferred<string>()];
    const started: number[] = [];
    const sends = writes.map((w, i) =>
      queues.pipeline(
        'r',
        () => {
          started.push(i);
          return w.promise;
        },
        () => undefined,
        () => undefined,
      ),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    writes.forEach((w, i) => w.resolve(`m${i}`));
    await Promise.all(sends);
  });

  it('finishes sends in call order even when a later write settles first, failures included', async () => {
    const queues = new RoomQueues((e) => {
      throw e;
    });
    const writes = [deferred<string>(), deferred<string>(), deferred<string>()];
    const finished: string[] = [];
    const sends = writes.map((w, i) =>
      queues.pipeline(
        'r',
        () => w.promise,
        (value) => {
          finished.push(value);
        },
        () => {
          finished.push(`failed ${i}`);
        },
      ),
    );
    writes[2]?.resolve('m2');
    writes[1]?.reject(new Error('lost'));
    await flush();
    expect(finished).toEqual([]);
    writes[0]?.resolve('m0');
    await Promise.all(sends);
    expect(finished).toEqual(['m0', 'failed 1', 'm2']);
  });

  it('runs a later task (a sync) only after the sends queued before it have finished', async () => {
    const queues = new RoomQueues((e) => {
      throw e;
    });
    const write = deferred<string>();
    const log: string[] = [];
    const send = queues.pipeline(
      'r',
      () => write.promise,
      () => {
        log.push('ack + broadcast');
      },
      () => undefined,
    );
    const sync = queues.run('r', async () => {
      log.push('sync');
    });
    const otherRoom = queues.run('other', async () => {
      log.push('other room');
    });
    await otherRoom;
    await flush();
    expect(log).toEqual(['other room']);
    write.resolve('m');
    await Promise.all([send, sync]);
    expect(log).toEqual(['other room', 'ack + broadcast', 'sync']);
    await queues.idle();
  });
});

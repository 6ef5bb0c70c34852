import { notifications } from '@clantrader/core';
import { ManualClock, SequentialIds } from '@clantrader/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createNotificationStore } from './notification-store';

describe.each(testDatabases())('NotificationStore on $name', ({ open }) => {
  let handle: DbHandle;
  let n = 0;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(() => handle.close());

  async function user() {
    n += 1;
    const a = newAccount(n);
    await createAccountStore(handle.db).createAccount(a);
    return a.user.id;
  }

  it('stores each notification once, pages newest first and marks read up to an id', async () => {
    const [a, b] = [await user(), await user()];
    const deps = {
      notifications: createNotificationStore(handle.db),
      clock: new ManualClock(),
      ids: new SequentialIds(),
    };
    const drafts = notifications.standingsNotifications(
      [
        { traderId: a, position: 2, previousPosition: 12, eligible: true, tier: 'diamond', previousTier: 'gold' },
        { traderId: b, position: 12, previousPosition: 2, eligible: true, tier: 'gold', previousTier: 'gold' },
      ],
      { seasonId: '2026-11', day: '2026-11-21' },
    );
    expect(await notifications.notify(deps, drafts)).toBe(3);
    expect(await notifications.notify(deps, drafts)).toBe(0);

    const first = await notifications.listNotifications(deps, a, { limit: 1 });
    expect(first.items.map((x) => x.kind)).toEqual(['tier.changed']);
    expect(first.unread).toBe(2);
    const second = await notifications.listNotifications(deps, a, { limit: 1, cursor: first.nextCursor ?? '' });
    expect(second.items[0]).toMatchObject({ kind: 'rank.climbed', data: { position: 2, previous: 12, places: 10 } });
    expect(second.nextCursor).toBeNull();

    expect(await notifications.markNotificationsRead(deps, a, second.items[0]?.id)).toEqual({ marked: 1, unread: 1 });
    expect(await notifications.markNotificationsRead(deps, a)).toEqual({ marked: 1, unread: 0 });
    expect((await notifications.listNotifications(deps, b, { limit: 5 })).unread).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../api/index';
import { createServiceRoomControl } from './room-control.service';

describe('createServiceRoomControl', () => {
  it('posts the eviction to the room path with the internal secret', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const control = createServiceRoomControl(
      { fetch: async (url, init) => (calls.push({ url, init }), Response.json({ closed: 1 })) },
      'secret-value',
      () => undefined,
    );
    await control.evict({ party: 'clan', room: 'c-1', userId: 'u-1', reason: 'removed' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://rooms.internal/parties/clan/c-1');
    expect(calls[0]?.init.method).toBe('POST');
    expect(new Headers(calls[0]?.init.headers).get('x-room-control')).toBe('secret-value');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ userId: 'u-1', reason: 'removed' });
  });

  it('logs and swallows failures: an unreachable room never fails a kick', async () => {
    const logs: LogEntry[] = [];
    const down = createServiceRoomControl({ fetch: () => Promise.reject(new Error('no route')) }, 's', (e) =>
      logs.push(e),
    );
    await expect(down.evict({ party: 'clan', room: 'r', userId: 'u', reason: 'disbanded' })).resolves.toBeUndefined();
    const refused = createServiceRoomControl(
      { fetch: async () => new Response('Forbidden', { status: 403 }) },
      's',
      (e) => logs.push(e),
    );
    await refused.evict({ party: 'clan', room: 'r', userId: 'u', reason: 'role_changed' });
    expect(logs.map((l) => l.event)).toEqual(['rooms.evict_failed', 'rooms.evict_failed']);
    expect(logs[1]).toMatchObject({ status: 403 });
  });
});

import { describe, expect, it } from 'vitest';
import { parseSse, toUpdate } from './ask-stream';

describe('the spectator bot stream', () => {
  it('splits SSE events across chunk boundaries and keeps the unfinished rest', () => {
    const first = parseSse('event: delta\ndata: {"text":"Hel"}\n\nevent: delta\ndata: {"te');
    expect(first.events).toEqual([{ event: 'delta', data: '{"text":"Hel"}' }]);
    const second = parseSse(`${first.rest}xt":"lo"}\n\nevent: done\ndata: {"tier":"local","remaining":2}\n\n`);
    expect(second.events.map(toUpdate)).toEqual([
      { type: 'delta', text: 'lo' },
      { type: 'done', tier: 'local', remaining: 2 },
    ]);
    expect(second.rest).toBe('');
  });

  it('reads reset and error events', () => {
    expect(toUpdate({ event: 'reset', data: '{}' })).toEqual({ type: 'reset' });
    expect(toUpdate({ event: 'error', data: '{"code":"ai.unavailable","title":"x","detail":"d"}' })).toEqual({
      type: 'error',
      code: 'ai.unavailable',
      detail: 'd',
    });
    expect(toUpdate({ event: 'ping', data: '' })).toBeNull();
  });
});

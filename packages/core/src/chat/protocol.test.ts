import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, parseClientFrame, ServerFrameSchema } from './protocol';

describe('parseClientFrame', () => {
  it('accepts a ping with and without an id, and a hello', () => {
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ ok: true, frame: { type: 'ping' } });
    expect(parseClientFrame('{"type":"ping","id":"7"}')).toEqual({ ok: true, frame: { type: 'ping', id: '7' } });
    expect(parseClientFrame('{"type":"hello"}')).toEqual({ ok: true, frame: { type: 'hello' } });
  });

  it.each(['not json', '{"type":', '42', 'null', '[]', '{"kind":"ping"}', '{"type":7}'])(
    'answers %s with frame.malformed instead of throwing',
    (raw) => {
      const parsed = parseClientFrame(raw);
      expect(parsed).toMatchObject({ ok: false, error: { type: 'error', code: 'frame.malformed' } });
    },
  );

  it('names an unknown type as such', () => {
    expect(parseClientFrame('{"type":"chat"}')).toMatchObject({ ok: false, error: { code: 'frame.unknown_type' } });
  });

  it('rejects invalid fields of a known type', () => {
    const parsed = parseClientFrame(JSON.stringify({ type: 'ping', id: 'x'.repeat(65) }));
    expect(parsed).toMatchObject({ ok: false, error: { code: 'frame.malformed', message: 'Invalid fields: id' } });
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const frame = (pad: string) => JSON.stringify({ type: 'ping', pad });
    const overhead = frame('').length;
    expect(parseClientFrame(frame('a'.repeat(MAX_FRAME_BYTES - overhead))).ok).toBe(true);
    expect(parseClientFrame(frame('a'.repeat(MAX_FRAME_BYTES - overhead + 1)))).toMatchObject({
      ok: false,
      error: { code: 'frame.too_large' },
    });
    // 'ش' is two bytes: half as many characters already exceed the limit.
    expect(parseClientFrame(frame('ش'.repeat(MAX_FRAME_BYTES / 2)))).toMatchObject({
      error: { code: 'frame.too_large' },
    });
    // A surrogate pair is four bytes.
    expect(parseClientFrame(frame('📈'.repeat(MAX_FRAME_BYTES / 4)))).toMatchObject({
      error: { code: 'frame.too_large' },
    });
    expect(parseClientFrame(frame('📈'.repeat((MAX_FRAME_BYTES - overhead) / 4 - 1))).ok).toBe(true);
  });

  it('refuses megabyte frames without counting them', () => {
    expect(parseClientFrame('x'.repeat(5_000_000))).toMatchObject({ error: { code: 'frame.too_large' } });
  });
});

const message = {
  id: '0190a000-0000-7000-8000-000000000001',
  seq: 1,
  room: 'clan-1',
  authorId: 'u',
  authorHandle: 'ali',
  clientId: 'c',
  text: 'hi',
  createdAt: '2026-01-15T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  pinnedAt: null,
  pinnedBy: null,
};

describe('chat client frames', () => {
  it('parses every chat frame and defaults the history page size', () => {
    for (const frame of [
      { type: 'hello', since: 12 },
      { type: 'send', clientId: 'c-1', text: 'hi' },
      { type: 'edit', messageId: 'm', text: 'x' },
      { type: 'delete', messageId: 'm' },
      { type: 'pin', messageId: 'm' },
      { type: 'unpin', messageId: 'm' },
      { type: 'typing' },
      { type: 'read', seq: 0 },
      { type: 'history', before: 40, limit: 10 },
    ]) {
      expect(parseClientFrame(JSON.stringify(frame))).toEqual({ ok: true, frame });
    }
    expect(parseClientFrame('{"type":"history"}')).toEqual({ ok: true, frame: { type: 'history', limit: 50 } });
  });

  it.each([
    { type: 'hello', since: -1 },
    { type: 'hello', since: 1.5 },
    { type: 'send', clientId: '', text: 'x' },
    { type: 'send', clientId: 'x'.repeat(65), text: 'x' },
    { type: 'history', limit: 101 },
    { type: 'read', seq: '3' },
  ])('refuses invalid fields in %j', (frame) => {
    expect(parseClientFrame(JSON.stringify(frame))).toMatchObject({ ok: false, error: { code: 'frame.malformed' } });
  });

  it('names the message of a broken send so the client can mark it failed', () => {
    expect(parseClientFrame('{"type":"send","clientId":"c-9","text":5}')).toMatchObject({
      ok: false,
      error: { code: 'frame.malformed', clientId: 'c-9' },
    });
  });
});

describe('ServerFrameSchema', () => {
  it('parses every server frame a client can receive', () => {
    for (const frame of [
      { type: 'welcome', room: 'r', userId: 'u', role: 'member', present: ['u'], lastSeq: 0, pins: [], readSeq: 0 },
      { type: 'ack', clientId: 'c', message },
      { type: 'message', message },
      { type: 'updated', message: { ...message, pinnedAt: message.createdAt, pinnedBy: 'u2' } },
      { type: 'sync', messages: [message], complete: true },
      { type: 'history', messages: [], hasMore: false },
      { type: 'typing', userId: 'u' },
      { type: 'read', seq: 3 },
      { type: 'error', code: 'rate.limited', message: 'm', clientId: 'c' },
      { type: 'presence', userId: 'u', state: 'left' },
      { type: 'pong', id: '1' },
      { type: 'error', code: 'room.forbidden', message: 'm' },
    ]) {
      expect(ServerFrameSchema.parse(frame)).toEqual(frame);
    }
  });
});

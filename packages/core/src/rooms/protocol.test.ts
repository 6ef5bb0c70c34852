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

describe('ServerFrameSchema', () => {
  it('parses every server frame a client can receive', () => {
    for (const frame of [
      { type: 'welcome', room: 'r', userId: 'u', present: ['u'] },
      { type: 'presence', userId: 'u', state: 'left' },
      { type: 'pong', id: '1' },
      { type: 'error', code: 'room.forbidden', message: 'm' },
    ]) {
      expect(ServerFrameSchema.parse(frame)).toEqual(frame);
    }
  });
});

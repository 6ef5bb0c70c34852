import { describe, expect, it } from 'vitest';
import { markupToPost, richSegments } from './rich-text';

describe('richSegments', () => {
  it('returns the whole text as one plain run without entities', () => {
    expect(richSegments('hello <b>x</b>', [])).toEqual([
      { text: 'hello <b>x</b>', bold: false, italic: false, code: false, href: null },
    ]);
  });

  it('splits at entity edges and merges runs with the same marks', () => {
    const segments = richSegments('buy gold now', [
      { type: 'bold', offset: 4, length: 4 },
      { type: 'italic', offset: 4, length: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.bold, s.italic])).toEqual([
      ['buy ', false, false],
      ['gold', true, true],
      [' now', false, true],
    ]);
  });

  it('keeps only http(s) links and clips ranges to the text', () => {
    const segments = richSegments('see chart', [
      { type: 'link', offset: 4, length: 50, url: 'https://example.com/c' },
      { type: 'link', offset: 0, length: 3, url: 'javascript:alert(1)' },
    ]);
    expect(segments).toEqual([
      { text: 'see ', bold: false, italic: false, code: false, href: null },
      { text: 'chart', bold: false, italic: false, code: false, href: 'https://example.com/c' },
    ]);
  });

  it('counts offsets in UTF-16 units like the API', () => {
    const segments = richSegments('🚀 up', [{ type: 'code', offset: 3, length: 2 }]);
    expect(segments.map((s) => [s.text, s.code])).toEqual([
      ['🚀 ', false],
      ['up', true],
    ]);
  });
});

describe('markupToPost', () => {
  it('turns chat-style marks into plain text and entities', () => {
    expect(markupToPost('**Gold** is _up_, see `XAUUSD` https://x.io/a.')).toEqual({
      text: 'Gold is up, see XAUUSD https://x.io/a.',
      entities: [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'italic', offset: 8, length: 2 },
        { type: 'code', offset: 16, length: 6 },
        { type: 'link', offset: 23, length: 14, url: 'https://x.io/a' },
      ],
    });
  });

  it('leaves HTML as typed', () => {
    expect(markupToPost('<script>alert(1)</script>')).toEqual({ text: '<script>alert(1)</script>', entities: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns http(s) URLs into link segments and keeps the rest as text', () => {
    expect(linkify('Open http://127.0.0.1:3000/verify-email?token=abc. Thanks')).toEqual([
      { kind: 'text', text: 'Open ' },
      {
        kind: 'link',
        text: 'http://127.0.0.1:3000/verify-email?token=abc',
        href: 'http://127.0.0.1:3000/verify-email?token=abc',
      },
      { kind: 'text', text: '. Thanks' },
    ]);
  });

  it('leaves markup and other schemes as plain text', () => {
    expect(linkify('<a href="javascript:alert(1)">x</a> ftp://x')).toEqual([
      { kind: 'text', text: '<a href="javascript:alert(1)">x</a> ftp://x' },
    ]);
  });
});

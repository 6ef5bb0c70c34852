import { describe, expect, it } from 'vitest';
import { utf8 } from '../testing';
import { sniffImage } from './sniff-image';

import { PNG_BYTES as PNG } from './testing/images';

describe('sniffImage', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'image/jpeg'],
    ['GIF', utf8('GIF89a\x01\x00\x01\x00'), 'image/gif'],
    ['WebP', utf8('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp'],
  ])('recognises %s by its bytes', (_name, bytes, type) => {
    expect(sniffImage(bytes)).toBe(type);
  });

  it.each([
    ['HTML named .png', utf8('<!doctype html><script>alert(1)</script>')],
    ['SVG', utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['a truncated PNG signature', PNG.subarray(0, 8)],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, bytes) => {
    expect(() => sniffImage(bytes)).toThrow(expect.objectContaining({ code: 'channel.media_unsupported' }));
  });

  it('refuses more than 5 MB before looking at the type', () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(() => sniffImage(big)).toThrow(expect.objectContaining({ code: 'channel.media_too_large' }));
  });
});

import { describe, expect, it } from 'vitest';
import { checkImage, mediaUrl, visitorKey } from './browser-api';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('visitorKey', () => {
  it('makes one key per browser and keeps it', () => {
    const storage = memoryStorage();
    const first = visitorKey(storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(visitorKey(storage)).toBe(first);
  });

  it('replaces a tampered key and copes without storage', () => {
    const storage = memoryStorage();
    storage.setItem('ct_visitor', '<bad>');
    expect(visitorKey(storage)).toMatch(/^[a-f0-9]{32}$/);
    expect(visitorKey(null)).toBeUndefined();
  });
});

describe('checkImage', () => {
  it('refuses empty, oversized and non-image files before sending', () => {
    expect(checkImage({ size: 0, type: 'image/png' })).toBe('empty');
    expect(checkImage({ size: 5 * 1024 * 1024 + 1, type: 'image/png' })).toBe('tooLarge');
    expect(checkImage({ size: 10, type: 'text/html' })).toBe('unsupported');
    expect(checkImage({ size: 10, type: 'image/webp' })).toBeNull();
    expect(checkImage({ size: 10, type: '' })).toBeNull();
  });
});

describe('mediaUrl', () => {
  it('points at the API image route', () => {
    expect(mediaUrl('abc')).toBe('/api/v1/channel-media/abc');
  });
});

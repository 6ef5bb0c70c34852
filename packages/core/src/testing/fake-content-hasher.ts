import type { ContentHasher } from '../verification/ports';

/** FNV-1a (hex): deterministic and dependency-free; stands in for SHA-256 in core tests. */
export const fakeContentHasher: ContentHasher = {
  hash: (bytes) => {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return Promise.resolve(`${h.toString(16).padStart(8, '0')}:${bytes.length}`);
  },
};

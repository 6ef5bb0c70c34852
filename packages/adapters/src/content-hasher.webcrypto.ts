import type { ContentHasher } from '@clantrader/core';
import { encodeHex } from './encoding';

/**
 * SHA-256 (hex) of statement bytes with WebCrypto, identical on Workers and Node, so a
 * file hashed at the edge matches the same file hashed on-prem.
 */
export function createContentHasher(): ContentHasher {
  return {
    async hash(bytes) {
      const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
      return encodeHex(new Uint8Array(digest));
    },
  };
}

import type { TokenVault } from '@clantrader/core';
import { encodeBase64Url, encodeHex, randomBytes } from './encoding';

/**
 * Session and link tokens: 256 random bits, base64url so they survive URLs and cookies.
 * Only the SHA-256 (hex) is stored; a plain hash is enough because the token itself is
 * high-entropy, and it keeps the lookup an indexed equality match.
 */
export function createTokenVault(): TokenVault {
  return {
    newToken: () => encodeBase64Url(randomBytes(32)),
    async hashToken(token) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
      return encodeHex(new Uint8Array(digest));
    },
  };
}

import type { PasswordHasher } from '@clantrader/core';
import { type Bytes, decodeBase64, encodeBase64, randomBytes, timingSafeEqual } from './encoding';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Cloudflare Workers' WebCrypto refuses PBKDF2 above this many iterations in one call. */
export const MAX_ITERATIONS_PER_CALL = 100_000;
/** Upper bound accepted from a stored hash, so a tampered row cannot pin a CPU for minutes. */
const MAX_STORED_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const KEY_BITS = 256;
const PREFIX = 'pbkdf2-sha256';

/**
 * PBKDF2-SHA256 through WebCrypto, identical on Workers and Node. Because Workers cap one
 * PBKDF2 call at 100,000 iterations, the work is done in chained segments: each segment's
 * derived key is the next segment's password, with the same salt, until the total is
 * reached. The stored string names its own iteration count
 * (`pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`), so raising the default later keeps
 * old hashes verifiable and tests can run with a cheap count.
 */
export function createPbkdf2Hasher(opts: { iterations?: number } = {}): PasswordHasher {
  const iterations = opts.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_STORED_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer in 1..${MAX_STORED_ITERATIONS}`);
  }
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await deriveChained(utf8(password), salt, iterations);
      return [PREFIX, String(iterations), encodeBase64(salt), encodeBase64(key)].join('$');
    },
    async verify(password, stored) {
      const parsed = parseStoredHash(stored);
      if (!parsed) return false;
      const key = await deriveChained(utf8(password), parsed.salt, parsed.iterations);
      return timingSafeEqual(key, parsed.hash);
    },
  };
}

async function deriveChained(password: Bytes, salt: Bytes, total: number): Promise<Bytes> {
  let material = password;
  for (let done = 0; done < total;) {
    const step = Math.min(MAX_ITERATIONS_PER_CALL, total - done);
    material = await deriveSegment(material, salt, step);
    done += step;
  }
  return material;
}

async function deriveSegment(password: Bytes, salt: Bytes, iterations: number): Promise<Bytes> {
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

function parseStoredHash(stored: string): { iterations: number; salt: Bytes; hash: Bytes } | null {
  const [prefix, iterText, saltText, hashText, ...rest] = stored.split('$');
  if (prefix !== PREFIX || rest.length > 0 || !iterText || !saltText || !hashText) return null;
  if (!/^[1-9][0-9]{0,7}$/.test(iterText)) return null;
  const iterations = Number(iterText);
  if (iterations > MAX_STORED_ITERATIONS) return null;
  try {
    const hash = decodeBase64(hashText);
    return hash.length === KEY_BITS / 8 ? { iterations, salt: decodeBase64(saltText), hash } : null;
  } catch {
    return null;
  }
}

/** UTF-8 bytes on their own ArrayBuffer (what WebCrypto's typings ask for on every runtime). */
function utf8(text: string): Bytes {
  return new Uint8Array(new TextEncoder().encode(text));
}

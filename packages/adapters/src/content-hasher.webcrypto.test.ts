import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContentHasher } from './content-hasher.webcrypto';

describe('createContentHasher', () => {
  it('is SHA-256 hex, the same as Node computes', async () => {
    const bytes = new TextEncoder().encode('<html>statement</html>');
    expect(await createContentHasher().hash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

/**
 * A random id for one typed message (its idempotency key on the wire). Not
 * crypto.randomUUID(): that exists only in secure contexts, and an on-prem install may be
 * reached over plain http on a LAN address. getRandomValues works everywhere.
 */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Hashes bytes (SHA-256 hex in both runtimes: WebCrypto `crypto.subtle.digest` on the
 * edge and on Node). Core never hashes itself: it stays free of runtime crypto.
 */
export type ContentHasher = { hash(bytes: Uint8Array): Promise<string> };

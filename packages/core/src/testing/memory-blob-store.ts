import type { BlobStore } from '../statement-uploads/ports';

/** In-memory BlobStore; copies on the way in and out, like a real store. */
export class MemoryBlobStore implements BlobStore {
  readonly blobs = new Map<string, { bytes: Uint8Array; contentType: string; fileName: string }>();
  async put(key: string, bytes: Uint8Array, meta: { contentType: string; fileName: string }) {
    this.blobs.set(key, { bytes: bytes.slice(), ...meta });
  }
  async get(key: string) {
    return this.blobs.get(key)?.bytes.slice() ?? null;
  }
}

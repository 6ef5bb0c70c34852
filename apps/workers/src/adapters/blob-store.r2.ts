import type { BlobStore } from '@clantrader/core';

/** Keys core generates: `statements/<uuid>/<uuid>`; anything else is refused as a bug. */
const SAFE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/**
 * The edge BlobStore on an R2 bucket (binding `BLOBS`). The original file name travels in
 * custom metadata only; objects are never served back as HTML (no public bucket, no route
 * streams them), so a hostile upload cannot become a page on our origin.
 */
export function createR2BlobStore(bucket: R2Bucket): BlobStore {
  return {
    async put(key, bytes, meta) {
      assertSafeKey(key);
      await bucket.put(key, bytes, {
        httpMetadata: { contentType: 'application/octet-stream' },
        customMetadata: { fileName: meta.fileName, sniffedType: meta.contentType },
      });
    },
    async get(key) {
      assertSafeKey(key);
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}

function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Refusing unsafe blob key ${JSON.stringify(key)}`);
}

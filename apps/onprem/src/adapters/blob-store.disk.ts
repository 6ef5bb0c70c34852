import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BlobStore } from '@clantrader/core';

/** Keys core generates: `statements/<uuid>/<uuid>`; each segment is [a-z0-9-] only. */
const SAFE_SEGMENT = /^[a-z0-9-]{1,64}$/;

/**
 * The on-prem BlobStore: one file per key under `root` (env BLOB_DIR). Keys map to paths
 * segment by segment and must match [a-z0-9-], so `..`, absolute paths, backslashes and
 * NULs are refused before any file system call; the resolved path is checked to stay
 * inside the root as a second guard. Writes go to a temp file and are renamed into place,
 * so a crash never leaves half a statement behind.
 */
export function createDiskBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    const segments = key.split('/');
    if (segments.length > 8 || !segments.every((s) => SAFE_SEGMENT.test(s))) {
      throw new Error(`Refusing unsafe blob key ${JSON.stringify(key)}`);
    }
    const path = join(base, ...segments);
    const rel = relative(base, path);
    if (rel.startsWith('..') || rel.includes(`..${sep}`)) throw new Error(`Blob key escapes the root: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.tmp-${process.pid}`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

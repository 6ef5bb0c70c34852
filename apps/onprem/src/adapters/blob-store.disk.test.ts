import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskBlobStore } from './blob-store.disk';

describe('createDiskBlobStore', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores and reads back bytes under the root, and answers null for absent keys', async () => {
    root = await mkdtemp(join(tmpdir(), 'ct-blobs-'));
    const store = createDiskBlobStore(join(root, 'blobs'));
    const bytes = new Uint8Array([1, 2, 3, 254]);
    await store.put('statements/0190-abc/0190-def', bytes, { contentType: 'text/html', fileName: 'x.htm' });
    expect(await store.get('statements/0190-abc/0190-def')).toEqual(bytes);
    expect(await store.get('statements/0190-abc/missing')).toBeNull();
    expect(await readdir(join(root, 'blobs', 'statements', '0190-abc'))).toEqual(['0190-def']);
  });

  it.each(['../escape', 'statements/../../etc/passwd', '/etc/passwd', 'a\\b', 'a/./b', 'A/B', 'a//b', 'a/b\u0000'])(
    'refuses the unsafe key %j without touching the disk',
    async (key) => {
      root = await mkdtemp(join(tmpdir(), 'ct-blobs-'));
      const store = createDiskBlobStore(join(root, 'blobs'));
      await expect(store.put(key, new Uint8Array([1]), { contentType: 'x', fileName: 'x' })).rejects.toThrow(/unsafe/);
      await expect(store.get(key)).rejects.toThrow(/unsafe/);
      expect(await readdir(root)).toEqual([]);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps, utf8 } from '../testing';
import { sanitizeFileName } from './sniff-statement';
import { uploadStatement } from './upload-statement';

describe('uploadStatement', () => {
  it('keeps the original, records a pending statement and queues its processing', async () => {
    const { deps, store, blobs, queue, addUser } = await setup();
    const user = await addUser();
    const bytes = buildSyntheticStatement();
    const { statementId } = await uploadStatement(deps, { userId: user.id, fileName: 'Statement.htm', bytes });
    const row = store.statements.get(statementId);
    expect(row).toMatchObject({
      status: 'pending',
      label: 'self_reported',
      fileName: 'Statement.htm',
      byteSize: bytes.length,
    });
    expect(blobs.blobs.get(row?.blobKey ?? '')?.bytes).toEqual(bytes);
    expect(queue.jobs).toEqual([{ type: 'statement.process', statementId }]);
    expect(store.audit.map((a) => a.action)).toEqual(['statement.uploaded']);
  });

  it.each([
    ['binary garbage', new Uint8Array([0, 1, 2, 3, 250, 251]), 'statement.unsupported_format'],
    ['plain text', utf8('Account 123 profit 100'), 'statement.unsupported_format'],
    ['an empty file', new Uint8Array(), 'statement.malformed'],
    ['a file over 10 MiB', new Uint8Array(10 * 1024 * 1024 + 1), 'statement.too_large'],
  ])('refuses %s at once and stores nothing', async (_name, bytes, code) => {
    const { deps, store, blobs, queue, addUser } = await setup();
    const user = await addUser();
    await expect(uploadStatement(deps, { userId: user.id, fileName: 'x.htm', bytes })).rejects.toMatchObject({ code });
    expect([store.statements.size, blobs.blobs.size, queue.jobs.length]).toEqual([0, 0, 0]);
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Report.html', 'Report.html'],
    ['<img src=x onerror=alert(1)>.htm', 'img src=x onerror=alert(1).htm'],
    ['..hidden', 'hidden'],
    ['', 'statement'],
    [null, 'statement'],
    ['a'.repeat(300), 'a'.repeat(120)],
  ])('%s -> %s', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });
});

async function setup() {
  return fakeStatementDeps();
}

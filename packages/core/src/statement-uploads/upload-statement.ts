import { auditEntry } from '../accounts/audit';
import type { StatementDeps } from './deps';
import type { StatementRecord } from './model';
import { sanitizeFileName, sniffStatementType } from './sniff-statement';

export type UploadStatementInput = { userId: string; fileName: string | null; bytes: Uint8Array };

/**
 * Accepts a statement file: refuses oversize or non-report files at once, keeps the
 * original in the BlobStore, records the statement as `pending` and queues its processing.
 * Order matters: the blob is written before the row and the row before the job, so a job
 * never finds a missing row and a row never points at a missing file. If enqueueing fails
 * the error reaches the caller and the row stays `pending` (safe to process later).
 * @throws DomainError `statement.too_large` | `statement.malformed` | `statement.unsupported_format`
 */
export async function uploadStatement(
  deps: StatementDeps,
  input: UploadStatementInput,
): Promise<{ statementId: string }> {
  const sniffed = sniffStatementType(input.bytes);
  const id = deps.ids.newId();
  const fileName = sanitizeFileName(input.fileName);
  const blobKey = `statements/${input.userId}/${id}`;
  await deps.blobs.put(blobKey, input.bytes, { contentType: sniffed.contentType, fileName });
  const statement: StatementRecord = {
    id,
    userId: input.userId,
    fileName,
    byteSize: input.bytes.length,
    blobKey,
    status: 'pending',
    label: 'self_reported',
    fileHash: null,
    contentHash: null,
    accountKey: null,
    tradingAccountId: null,
    findings: [],
    report: null,
    rejectReason: null,
    review: null,
    reverifyPrompt: false,
    createdAt: deps.clock.now(),
    processedAt: null,
    verifiedAt: null,
    expiredAt: null,
  };
  const audit = auditEntry(deps, {
    actorId: input.userId,
    action: 'statement.uploaded',
    subjectId: id,
    data: { fileName, byteSize: input.bytes.length, kind: sniffed.kind },
  });
  await deps.store.createStatement(statement, audit);
  await deps.queue.enqueue({ type: 'statement.process', statementId: id });
  return { statementId: id };
}

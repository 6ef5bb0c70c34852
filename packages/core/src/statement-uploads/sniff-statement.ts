import { DomainError } from '../shared/domain-error';
import { decodeText } from '../statements/decode-text';
import { STATEMENT_LIMITS } from '../statements/limits';
import { STATEMENT_UPLOAD_LIMITS } from './model';

/** The container an upload claims to be, judged from its first bytes only. */
export type SniffedType = { kind: 'html' | 'xlsx'; contentType: string };

const HEAD_BYTES = 64 * 1024;

/**
 * A cheap check run while the uploader waits: size, then zip magic (XLSX) or HTML markup
 * near the start. The full parse happens later in the background job; this only refuses
 * what can never be a MetaTrader report, so junk is not stored or queued.
 * @throws DomainError `statement.too_large` | `statement.malformed` (empty) |
 *   `statement.unsupported_format`
 */
export function sniffStatementType(bytes: Uint8Array): SniffedType {
  if (bytes.length > STATEMENT_LIMITS.maxInputBytes) {
    throw new DomainError('statement.too_large', `The file is larger than ${STATEMENT_LIMITS.maxInputBytes} bytes.`);
  }
  if (bytes.length === 0) throw new DomainError('statement.malformed', 'The file is empty.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { kind: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
  let head: string;
  try {
    head = decodeText(bytes.subarray(0, HEAD_BYTES)).text;
  } catch {
    throw unsupported();
  }
  if (!/<(html|table|tr|td)[\s>]/i.test(head)) throw unsupported();
  return { kind: 'html', contentType: 'text/html' };
}

function unsupported(): DomainError {
  return new DomainError(
    'statement.unsupported_format',
    'Upload a MetaTrader 4/5 statement or history report saved as HTML or XLSX.',
  );
}

/**
 * A file name safe to store and show: the last path segment, without control characters
 * or characters that mean something to shells, HTML or file systems, at most 120 chars.
 * It is only ever displayed (as JSON text), never used as a path or to pick a parser.
 */
export function sanitizeFileName(raw: string | null | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*`$&;'{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, STATEMENT_UPLOAD_LIMITS.maxFileNameChars);
  return clean || 'statement';
}

import type { MessageKey } from '$lib/i18n';

/**
 * The one call the browser makes to the API itself: a statement upload, so the progress
 * bar shows real bytes leaving the browser. Same origin (on-prem serves /api/v1 from the
 * same process; on the edge hooks.server.ts forwards it), authenticated by the httpOnly
 * `ct_session` cookie. application/octet-stream cannot be sent cross-site without a CORS
 * preflight, which is why the API accepts it by cookie (middleware/auth.ts).
 */
export const UPLOAD_URL = '/api/v1/statements';

export type UploadOutcome = { ok: true; statementId: string } | { ok: false; errorKey: MessageKey };

/**
 * Checks we can make before sending. Any extension is fine: the server sniffs the type
 * from the bytes, so the name says nothing.
 */
export function checkUploadFile(file: { size: number }, maxBytes: number): MessageKey | null {
  if (file.size === 0) return 'statements.upload.empty';
  if (file.size > maxBytes) return 'statements.upload.tooLarge';
  return null;
}

const ERROR_KEYS: Record<string, MessageKey> = {
  'statement.too_large': 'statements.upload.tooLarge',
  'statement.unsupported_format': 'statements.upload.unsupported',
  'statement.unreadable': 'statements.upload.unsupported',
  'request.too_large': 'statements.upload.tooLarge',
  'rate.limited': 'error.rateLimited',
  'auth.unauthenticated': 'statements.upload.signedOut',
};

/** Maps a failed upload (status + problem code) to the message the page shows. */
export function uploadErrorKey(status: number, code: string | null): MessageKey {
  if (code && ERROR_KEYS[code]) return ERROR_KEYS[code];
  if (status === 413) return 'statements.upload.tooLarge';
  if (status === 401) return 'statements.upload.signedOut';
  if (status === 0 || status >= 500) return 'error.unavailable';
  return 'statements.upload.failed';
}

function readJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Sends the file's raw bytes with XMLHttpRequest (fetch cannot report upload progress). */
export function sendStatement(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((done) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_URL);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = readJson(xhr.responseText);
      const id = body?.statementId;
      if (xhr.status === 202 && typeof id === 'string') {
        onProgress(1);
        done({ ok: true, statementId: id });
        return;
      }
      const code = typeof body?.code === 'string' ? body.code : null;
      done({ ok: false, errorKey: uploadErrorKey(xhr.status, code) });
    };
    xhr.onerror = () => done({ ok: false, errorKey: 'error.unavailable' });
    xhr.onabort = () => done({ ok: false, errorKey: 'statements.upload.failed' });
    xhr.send(file);
  });
}

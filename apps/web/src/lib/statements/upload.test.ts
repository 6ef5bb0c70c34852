import { describe, expect, it } from 'vitest';
import { checkUploadFile, uploadErrorKey } from './upload';

describe('checkUploadFile', () => {
  it('accepts any file from one byte up to the limit', () => {
    expect(checkUploadFile({ size: 1 }, 10)).toBeNull();
    expect(checkUploadFile({ size: 10 }, 10)).toBeNull();
  });

  it('refuses empty and oversized files before sending', () => {
    expect(checkUploadFile({ size: 0 }, 10)).toBe('statements.upload.empty');
    expect(checkUploadFile({ size: 11 }, 10)).toBe('statements.upload.tooLarge');
  });
});

describe('uploadErrorKey', () => {
  it('maps problem codes and statuses to messages', () => {
    expect(uploadErrorKey(413, 'statement.too_large')).toBe('statements.upload.tooLarge');
    expect(uploadErrorKey(422, 'statement.unsupported_format')).toBe('statements.upload.unsupported');
    expect(uploadErrorKey(401, null)).toBe('statements.upload.signedOut');
    expect(uploadErrorKey(0, null)).toBe('error.unavailable');
    expect(uploadErrorKey(400, 'something.else')).toBe('statements.upload.failed');
  });
});

import { DomainError } from '../shared/domain-error';
import { CHANNEL_LIMITS, type ImageType } from './model';

/**
 * The image type, decided by the bytes alone (file names and declared types lie): PNG,
 * JPEG, WebP or GIF. Anything else — HTML or SVG renamed to .png included — is refused, so
 * the media route only ever serves one of four inert raster types.
 * @throws DomainError `channel.media_too_large` | `channel.media_unsupported`
 */
export function sniffImage(bytes: Uint8Array): ImageType {
  if (bytes.length > CHANNEL_LIMITS.maxImageBytes) {
    throw new DomainError('channel.media_too_large', 'An image may be at most 5 MB');
  }
  const type = detect(bytes);
  if (!type) throw new DomainError('channel.media_unsupported', 'Only PNG, JPEG, WebP and GIF images are accepted');
  return type;
}

function detect(b: Uint8Array): ImageType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length > magic.length && magic.every((byte, i) => b[i] === byte);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  if (b.length < to) return '';
  return String.fromCharCode(...b.subarray(from, to));
}

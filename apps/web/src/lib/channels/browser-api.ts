import { channels } from '@clantrader/core';
import { ViewResultSchema } from './schemas';

/**
 * The few channel calls the browser makes to the API itself (same origin: on-prem serves
 * /api/v1 in-process, on the edge hooks.server.ts forwards it), authenticated by the
 * httpOnly `ct_session` cookie. Writes send JSON or octet-stream, which the API's CSRF
 * rule requires for cookie sessions.
 */
export const API = '/api/v1';

const VISITOR_KEY = 'ct_visitor';

/** A random id this browser keeps, so a signed-out reader's views count once per post. */
export function visitorKey(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string | undefined {
  if (!storage) return undefined;
  try {
    const saved = storage.getItem(VISITOR_KEY);
    if (saved && channels.VisitorKeySchema.safeParse(saved).success) return saved;
    const fresh = crypto.randomUUID().replaceAll('-', '');
    storage.setItem(VISITOR_KEY, fresh);
    return fresh;
  } catch {
    return undefined;
  }
}

/** Counts a view of a post; the new total, or null when the API did not answer. */
export async function sendView(postId: string, signedIn: boolean): Promise<number | null> {
  const key = signedIn ? undefined : visitorKey(typeof localStorage === 'undefined' ? null : localStorage);
  try {
    const response = await fetch(`${API}/posts/${encodeURIComponent(postId)}/view`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(key ? { visitorKey: key } : {}),
      credentials: 'same-origin',
    });
    if (!response.ok) return null;
    const parsed = ViewResultSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.views : null;
  } catch {
    return null;
  }
}

/** Why a picked image will not be sent, as a message key suffix; null when it is fine. */
export function checkImage(file: { size: number; type: string }): 'tooLarge' | 'unsupported' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > channels.CHANNEL_LIMITS.maxImageBytes) return 'tooLarge';
  if (file.type && !/^image\/(png|jpeg|webp|gif)$/.test(file.type)) return 'unsupported';
  return null;
}

/** Uploads one image to a post the user just published; the API problem code on failure. */
export async function uploadImage(postId: string, file: Blob): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    const response = await fetch(`${API}/posts/${encodeURIComponent(postId)}/images`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json, application/problem+json' },
      body: file,
      credentials: 'same-origin',
    });
    if (response.ok) return { ok: true };
    const problem = (await response.json().catch(() => null)) as { code?: unknown } | null;
    return { ok: false, code: typeof problem?.code === 'string' ? problem.code : `http.${response.status}` };
  } catch {
    return { ok: false, code: 'network' };
  }
}

/** The URL of a post image (the API checks the reader may see it). */
export function mediaUrl(imageId: string): string {
  return `${API}/channel-media/${encodeURIComponent(imageId)}`;
}

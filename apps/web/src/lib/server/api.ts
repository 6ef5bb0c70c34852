import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { z } from 'zod';
import { parseProblem, ApiError } from './problem';

export { ApiError, parseProblem };
export type { FieldIssue } from './problem';

/** The only door from the SvelteKit server to the API. The web app never touches the database. */
export const API_PREFIX = '/api/v1';

/** The parts of a RequestEvent the API client needs (small, so tests can fake it). */
export type ApiEvent = Pick<RequestEvent, 'url' | 'platform' | 'request' | 'getClientAddress'> & {
  locals: Pick<App.Locals, 'apiToken'>;
};

export type ApiInit = Omit<RequestInit, 'body'> & {
  /** Sent as application/json. */
  json?: unknown;
  /** Overrides the session token of the event (e.g. right after login). `null` sends none. */
  token?: string | null;
};

function apiUrl(event: ApiEvent, path: string): string {
  const origin = env.API_ORIGIN?.replace(/\/+$/, '') || event.url.origin;
  return `${origin}${API_PREFIX}${path}`;
}

function clientAddress(event: ApiEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

function buildRequest(event: ApiEvent, path: string, init: ApiInit): Request {
  const { json, token, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  const bearer = token === undefined ? event.locals.apiToken : token;
  if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
  const language = event.request.headers.get('accept-language');
  if (language && !headers.has('Accept-Language')) headers.set('Accept-Language', language);
  // The API rate-limits per client IP; without this every user would share ours.
  const ip = clientAddress(event);
  if (ip) headers.set('X-Forwarded-For', ip);
  let body: BodyInit | undefined;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  return new Request(apiUrl(event, path), { ...rest, headers, body });
}

/**
 * Calls the API. API_ORIGIN wins when set; on Cloudflare the `API` service binding is
 * used; otherwise the request's own origin (on-prem serves /api/v1 from the same process).
 * Global fetch on purpose: SvelteKit's `event.fetch` would route same-origin calls back
 * into SvelteKit, which does not own /api/v1.
 * @throws ApiError for any non-2xx answer; TypeError when the API cannot be reached.
 */
export async function apiFetch(event: ApiEvent, path: string, init: ApiInit = {}): Promise<Response> {
  const request = buildRequest(event, path, init);
  const binding = env.API_ORIGIN ? undefined : event.platform?.env?.API;
  const response = binding ? await binding.fetch(request) : await fetch(request);
  if (!response.ok) throw await parseProblem(response);
  return response;
}

/** apiFetch plus a zod parse of the JSON body, so callers get checked types. */
export async function apiJson<S extends z.ZodType>(
  event: ApiEvent,
  path: string,
  schema: S,
  init: ApiInit = {},
): Promise<z.infer<S>> {
  const response = await apiFetch(event, path, init);
  return schema.parse(await response.json());
}

/**
 * Forwards a browser request for `/api/v1/*` to the API untouched (cookie, headers and
 * streamed body), so the browser can reach the API on its own origin where this app is
 * the one receiving it: on the edge through the `API` binding, or with API_ORIGIN in
 * development. On-prem the Node server routes /api/* before this app ever sees it.
 * Returns null when there is no separate API to forward to (never loops to ourselves).
 */
export async function forwardToApi(event: ApiEvent): Promise<Response | null> {
  if (!event.url.pathname.startsWith(`${API_PREFIX}/`) && event.url.pathname !== API_PREFIX) return null;
  const binding = env.API_ORIGIN ? undefined : event.platform?.env?.API;
  if (!binding && !env.API_ORIGIN) return null;
  const origin = env.API_ORIGIN?.replace(/\/+$/, '') || event.url.origin;
  const { method, headers, body } = event.request;
  const forwarded = new Headers(headers);
  forwarded.delete('host');
  const ip = clientAddress(event);
  if (ip && !forwarded.has('x-forwarded-for')) forwarded.set('X-Forwarded-For', ip);
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers: forwarded, redirect: 'manual' };
  if (hasBody) Object.assign(init, { body, duplex: 'half' });
  const request = new Request(`${origin}${event.url.pathname}${event.url.search}`, init);
  return binding ? binding.fetch(request) : fetch(request);
}

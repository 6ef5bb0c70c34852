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

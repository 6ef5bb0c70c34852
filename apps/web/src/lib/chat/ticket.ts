import { z } from 'zod';

/** What the chat page's ticket endpoint answers; the ticket itself stays opaque here. */
export const TicketResponseSchema = z.object({ ticket: z.string().min(1) });

export type TicketResult = { ok: true; ticket: string } | { ok: false; reason: 'forbidden' | 'signedOut' };

/**
 * Asks this app's server (which calls the API with the session) for a short-lived room
 * ticket. A refusal that a retry cannot fix comes back as a result; anything else (offline,
 * 5xx) throws, so the socket retries with backoff.
 */
export async function fetchTicket(url: string, fetcher: typeof fetch = fetch): Promise<TicketResult> {
  const response = await fetcher(url, { method: 'POST', headers: { accept: 'application/json' } });
  if (response.status === 403 || response.status === 404) return { ok: false, reason: 'forbidden' };
  if (response.status === 401) return { ok: false, reason: 'signedOut' };
  if (!response.ok) throw new Error(`ticket request failed with ${response.status}`);
  return { ok: true, ticket: TicketResponseSchema.parse(await response.json()).ticket };
}

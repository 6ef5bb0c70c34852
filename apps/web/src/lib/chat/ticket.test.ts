import { describe, expect, it } from 'vitest';
import { fetchTicket } from './ticket';

const answer = (status: number, body: unknown = {}) => (async () => Response.json(body, { status })) as typeof fetch;

describe('fetchTicket', () => {
  it('returns the ticket', async () => {
    expect(await fetchTicket('/t', answer(200, { ticket: 'abc' }))).toEqual({ ok: true, ticket: 'abc' });
  });

  it('reports refusals a retry cannot fix', async () => {
    expect(await fetchTicket('/t', answer(403))).toEqual({ ok: false, reason: 'forbidden' });
    expect(await fetchTicket('/t', answer(401))).toEqual({ ok: false, reason: 'signedOut' });
  });

  it('throws on server errors so the socket retries with backoff', async () => {
    await expect(fetchTicket('/t', answer(502))).rejects.toThrow(/502/);
  });
});

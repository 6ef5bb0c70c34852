import { describe, expect, it, vi } from 'vitest';
import { loadCurrentSeason } from './season';

function fakeEvent(api: (request: Request) => Promise<Response>) {
  return {
    url: new URL('https://web.example/'),
    platform: { env: { API: { fetch: api } } },
    locals: { apiToken: 't1' },
    request: new Request('https://web.example/'),
    getClientAddress: () => '203.0.113.7',
  } as unknown as Parameters<typeof loadCurrentSeason>[0];
}

describe('loadCurrentSeason', () => {
  it('reads the season and the signed-in trader standing', async () => {
    const seen: Request[] = [];
    const event = fakeEvent(async (request) => {
      seen.push(request);
      return Response.json({
        season: {
          id: '2026-11',
          startsAt: '2026-11-01T00:00:00.000Z',
          endsAt: '2026-12-01T00:00:00.000Z',
          daysLeft: 9,
        },
        me: { position: 12, score: 71.5, tier: 'gold', eligible: true },
      });
    });
    const season = await loadCurrentSeason(event);
    expect(seen[0]?.url).toBe('https://web.example/api/v1/seasons/current');
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer t1');
    expect(season).toMatchObject({ season: { id: '2026-11', daysLeft: 9 }, me: { position: 12, tier: 'gold' } });
  });

  it('gives null (the top bar shows "Season —") when the API fails or is unreachable', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await loadCurrentSeason(fakeEvent(async () => new Response('oops', { status: 500 })))).toBeNull();
    expect(
      await loadCurrentSeason(
        fakeEvent(async () => {
          throw new TypeError('fetch failed');
        }),
      ),
    ).toBeNull();
    expect(await loadCurrentSeason(fakeEvent(async () => Response.json({ nope: true })))).toBeNull();
    spy.mockRestore();
  });
});

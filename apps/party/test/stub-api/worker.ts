/**
 * A stand-in for the API Worker in the party worker's workerd tests: `wrangler dev` runs it
 * beside the room worker under the name `clantrader-api`, so the clan rooms' service
 * binding `API` reaches it exactly as in production. It answers the internal `@ai` route
 * (the real route is tested in the API suite) with a canned reply naming the question,
 * a 500 for questions containing "fail", and 404 without the shared secret.
 */
type StubEnv = { ROOM_CONTROL_SECRET: string };

export default {
  async fetch(request: Request, env: StubEnv): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'POST' || url.pathname !== '/api/v1/internal/ai/clan-mention')
      return new Response('Not found', { status: 404 });
    if (request.headers.get('x-room-control') !== env.ROOM_CONTROL_SECRET)
      return new Response('Not found', { status: 404 });
    const body = (await request.json()) as { clanId: string; askerId: string; text: string };
    if (body.text.includes('fail')) return new Response('boom', { status: 500 });
    return Response.json({ reply: { text: `stub answer to: ${body.text}`, ai: { tier: 'local' } } });
  },
};

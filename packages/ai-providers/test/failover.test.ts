import { ai } from '@clantrader/core';
import { fakeAiDeps } from '@clantrader/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleProvider } from '../src';
import { startOpenAiServer, type Behaviour } from './openai-server';

const systemClock = { now: () => new Date() };
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function endpoint(tier: 'cloud' | 'local', behave: (n: number) => Behaviour) {
  const server = await startOpenAiServer((_b, n) => behave(n));
  servers.push(server);
  const provider = createOpenAiCompatibleProvider({
    id: tier === 'cloud' ? 'openrouter' : 'ollama',
    tier,
    baseURL: server.baseURL,
    model: 'default',
    apiKey: 'k',
  });
  return { server, provider };
}

const question = (text = 'Which clan leads the season?'): ai.AskQuestion => ({
  question: text,
  contextVersion: 'snap-1',
  caller: { userId: 'u-bob', clanIds: [] },
});

async function timed<T>(p: Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await p;
  return [v, performance.now() - t0];
}

describe('AI failover over real HTTP (AI SDK client, local OpenAI-compatible servers)', () => {
  it('answers from a healthy cloud, streaming, with the query type model', async () => {
    const cloud = await endpoint('cloud', () => ({ kind: 'text', text: 'Wolf Pack leads with 87.5 points.' }));
    const local = await endpoint('local', () => ({ kind: 'text', text: 'local' }));
    const { deps } = fakeAiDeps([cloud.provider, local.provider], systemClock);
    const deltas: string[] = [];
    let meta: ai.AskEvent | undefined;
    for await (const e of ai.askAi(deps, question())) {
      if (e.type === 'delta') deltas.push(e.text);
      else meta = e;
    }
    expect(deltas.join('')).toBe('Wolf Pack leads with 87.5 points.');
    expect(deltas.length).toBeGreaterThan(3);
    expect(meta).toMatchObject({ type: 'done', tier: 'cloud', model: 'openai/gpt-4o-mini' });
    expect(cloud.server.requests[0]).toMatchObject({ model: 'openai/gpt-4o-mini', stream: true });
    expect(local.server.requests).toHaveLength(0);
  });

  it('maps tool calls both ways: validated in core, result sent back to the model', async () => {
    const cloud = await endpoint('cloud', (n) =>
      n === 0
        ? { kind: 'tool', name: 'trader_stats', args: { handle: 'alice', scope: 'private' } }
        : { kind: 'text', text: 'Not allowed.' },
    );
    const { deps, data } = fakeAiDeps([cloud.provider], systemClock);
    const a = await ai.collectAnswer(ai.askAi(deps, question('How much money does alice have?')));
    expect(a).toMatchObject({ text: 'Not allowed.', toolCalls: 1 });
    expect(cloud.server.requests[0]?.tools?.length).toBe(4);
    const toolMsg = cloud.server.requests[1]?.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(String(toolMsg?.content))).toMatchObject({ ok: false, error: 'forbidden' });
    expect(data.privateReads).toEqual([]);
  });

  it('falls through to the local model within 3.5 s when the cloud sends no first token', async () => {
    const cloud = await endpoint('cloud', () => ({ kind: 'hang-after-headers' }));
    const local = await endpoint('local', () => ({ kind: 'text', text: 'Local answer.' }));
    const { deps } = fakeAiDeps([cloud.provider, local.provider], systemClock);
    const [a, ms] = await timed(ai.collectAnswer(ai.askAi(deps, question())));
    expect(a).toMatchObject({ text: 'Local answer.', tier: 'local', model: 'qwen2.5:3b-instruct' });
    expect(a.attempts.map((x) => x.outcome)).toEqual(['timeout', 'answered']);
    expect(ms).toBeGreaterThan(2_900);
    expect(ms).toBeLessThan(3_500);
    await new Promise((r) => setTimeout(r, 50));
    expect(cloud.server.aborted).toBe(1);
  });

  it('skips a cloud the probe found down: no added wait', async () => {
    const cloud = await endpoint('cloud', () => ({ kind: 'hang' }));
    cloud.server.setHealth('hang');
    const local = await endpoint('local', () => ({ kind: 'text', text: 'Local answer.' }));
    const { deps, connectivity } = fakeAiDeps([cloud.provider, local.provider], systemClock);
    deps.policy = { probeTimeoutMs: 300 };
    const probe = await ai.probeHealth(deps);
    expect(probe.map((p) => [p.providerId, p.ok])).toEqual([
      ['openrouter', false],
      ['ollama', true],
    ]);
    expect(connectivity.probes).toHaveLength(2);
    const direct = ai.createAiRouter({ ...deps, providers: [local.provider] });
    await direct.answer(question('warm up'));
    const [, directMs] = await timed(direct.answer(question('direct')));
    const [a, ms] = await timed(ai.collectAnswer(ai.askAi(deps, question())));
    expect(a.tier).toBe('local');
    expect(a.attempts[0]?.outcome).toBe('skipped');
    expect(cloud.server.requests).toHaveLength(0);
    expect(ms - directMs).toBeLessThan(200);
    expect((await ai.getAiStatus(deps)).colour).toBe('yellow');
  });

  it('serves the cached answer when both are down, and says unavailable when nothing is cached', async () => {
    let up = true;
    const cloud = await endpoint('cloud', () =>
      up ? { kind: 'text', text: 'Fresh cloud answer.' } : { kind: 'status', status: 502 },
    );
    const local = await endpoint('local', () => ({ kind: 'status', status: 500 }));
    const { deps } = fakeAiDeps([cloud.provider, local.provider], systemClock);
    await ai.collectAnswer(ai.askAi(deps, question()));
    up = false;
    const a = await ai.collectAnswer(ai.askAi(deps, question('which clan leads the season')));
    expect(a).toMatchObject({ text: 'Fresh cloud answer.', tier: 'cache', sourceTier: 'cloud' });
    await expect(ai.collectAnswer(ai.askAi(deps, question('Something never asked')))).rejects.toMatchObject({
      code: 'ai.unavailable',
    });
  });

  it('goes to the cache when the local model is overloaded (429) or times out', async () => {
    let cloudUp = true;
    const cloud = await endpoint('cloud', () =>
      cloudUp ? { kind: 'text', text: 'Cached one.' } : { kind: 'status', status: 503 },
    );
    const busy = await endpoint('local', () => ({ kind: 'status', status: 429 }));
    const { deps, cache } = fakeAiDeps([cloud.provider, busy.provider], systemClock);
    await ai.collectAnswer(ai.askAi(deps, question()));
    cloudUp = false;
    const a = await ai.collectAnswer(ai.askAi(deps, question()));
    expect(a.tier).toBe('cache');
    expect(a.attempts.map((x) => x.outcome)).toEqual(['overloaded', 'overloaded']);

    const slow = await endpoint('local', () => ({ kind: 'hang' }));
    const cloudDown = await endpoint('cloud', () => ({ kind: 'status', status: 500 }));
    const second = fakeAiDeps([cloudDown.provider, slow.provider], systemClock);
    second.deps.cache = cache;
    second.deps.policy = { firstTokenTimeoutMs: { cloud: 3_000, local: 500 } };
    const [b, ms] = await timed(ai.collectAnswer(ai.askAi(second.deps, question())));
    expect(b.tier).toBe('cache');
    expect(b.attempts.map((x) => x.outcome)).toEqual(['unavailable', 'timeout']);
    expect(ms).toBeLessThan(1_000);
  });

  it('works non-streaming too (stream: false) and reports health over HTTP', async () => {
    const server = await startOpenAiServer(() => ({ kind: 'text', text: 'Whole reply.' }));
    servers.push(server);
    const provider = createOpenAiCompatibleProvider({
      id: 'ollama',
      tier: 'local',
      baseURL: server.baseURL,
      model: 'llama3.2:3b',
      stream: false,
    });
    const { deps } = fakeAiDeps([provider], systemClock);
    deps.models = { local: 'llama3.2:3b' };
    expect(await ai.collectAnswer(ai.askAi(deps, question()))).toMatchObject({
      text: 'Whole reply.',
      tier: 'local',
      model: 'llama3.2:3b',
    });
    expect(server.requests[0]?.stream).toBeFalsy();
    expect(await provider.health({ timeoutMs: 500 })).toEqual({ ok: true, status: 200, error: null });
    server.setHealth(500);
    expect(await provider.health({ timeoutMs: 500 })).toMatchObject({ ok: false, status: 500 });
  });
});

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/domain-error';
import { fakeAiDeps, ScriptedProvider, says, type ScriptedTurn } from './testing';
import { collectAnswer } from './router';
import { askAi, type AskQuestion } from './ask-ai';
import { probeHealth } from './probe-health';
import { getAiStatus } from './ai-status';

const q: AskQuestion = {
  question: 'Who leads this season?',
  contextVersion: 's1',
  caller: { userId: 'u-bob', clanIds: [] },
};
const cloudSays = (turn: () => ScriptedTurn) => new ScriptedProvider('openrouter', 'cloud', turn);
const localSays = (turn: () => ScriptedTurn) => new ScriptedProvider('ollama', 'local', turn);
const ask = (deps: Parameters<typeof askAi>[0], question = q) => collectAnswer(askAi(deps, question));

describe('askAi', () => {
  it('answers from the cloud when it is healthy, and caches the answer', async () => {
    const { deps, cache } = fakeAiDeps([localSays(() => says('local')), cloudSays(() => says('Wolf Pack leads.'))]);
    const a = await ask(deps);
    expect(a).toMatchObject({
      text: 'Wolf Pack leads.',
      tier: 'cloud',
      model: 'openai/gpt-4o-mini',
      providerId: 'openrouter',
    });
    expect(cache.entries.size).toBe(1);
  });

  it('falls through to the local model when the cloud times out, and opens the breaker after two', async () => {
    const cloud = cloudSays(() => ({ fail: 'timeout' }));
    const { deps, health } = fakeAiDeps([cloud, localSays(() => says('local answer'))]);
    const a = await ask(deps);
    expect(a).toMatchObject({ text: 'local answer', tier: 'local', model: 'qwen2.5:3b-instruct' });
    expect(a.attempts.map((x) => x.outcome)).toEqual(['timeout', 'answered']);
    await ask(deps);
    expect(health.states.get('openrouter')?.state).toBe('open');
    await ask(deps);
    expect(cloud.requests).toHaveLength(2);
  });

  it('skips a cloud found down by the probe without calling it', async () => {
    const cloud = cloudSays(() => says('never'));
    cloud.healthy = false;
    const { deps } = fakeAiDeps([cloud, localSays(() => says('local'))]);
    await probeHealth(deps);
    const a = await ask(deps);
    expect(a.tier).toBe('local');
    expect(a.attempts[0]).toEqual({ providerId: 'openrouter', tier: 'cloud', outcome: 'skipped' });
    expect(cloud.requests).toHaveLength(0);
    expect((await getAiStatus(deps)).label).toBe('⚡ Running in local mode');
  });

  it('honours the force-local switch', async () => {
    const cloud = cloudSays(() => says('cloud'));
    const { deps, connectivity } = fakeAiDeps([cloud, localSays(() => says('local'))]);
    connectivity.forced = true;
    expect((await ask(deps)).tier).toBe('local');
    expect(cloud.requests).toHaveLength(0);
  });

  it('serves the cached answer when the local model is overloaded, tagged with its tier', async () => {
    let cloudUp = true;
    const { deps, clock } = fakeAiDeps([
      cloudSays(() => (cloudUp ? says('fresh') : { fail: 'unavailable' })),
      localSays(() => ({ fail: 'overloaded' })),
    ]);
    await ask(deps);
    cloudUp = false;
    clock.advance(10 * 60_000);
    const a = await ask(deps, { ...q, question: '  who leads this SEASON ' });
    expect(a).toMatchObject({ text: 'fresh', tier: 'cache', sourceTier: 'cloud', providerId: null });
    expect(a.attempts.map((x) => x.outcome)).toEqual(['unavailable', 'overloaded']);
  });

  it('says the AI is unavailable when both tiers fail and nothing is cached', async () => {
    const { deps } = fakeAiDeps([cloudSays(() => ({ fail: 'unavailable' })), localSays(() => ({ fail: 'timeout' }))]);
    const e: unknown = await ask(deps).catch((x: unknown) => x);
    expect(isDomainError(e) && e.code).toBe('ai.unavailable');
  });

  it('forgets cached answers after an hour and when the context version changes', async () => {
    let up = true;
    const { deps, clock } = fakeAiDeps([cloudSays(() => (up ? says('x') : { fail: 'unavailable' }))]);
    await ask(deps);
    up = false;
    await expect(ask(deps, { ...q, contextVersion: 's2' })).rejects.toThrow(/unavailable/);
    clock.advance(3_601_000);
    await expect(ask(deps)).rejects.toThrow(/unavailable/);
  });

  it('tells the caller to discard text when a provider fails mid-answer', async () => {
    const { deps } = fakeAiDeps([
      cloudSays(() => ({ fail: 'unavailable', afterText: 'half an ans' })),
      localSays(() => says('whole')),
    ]);
    const events = [];
    for await (const e of askAi(deps, q)) events.push(e.type);
    expect(events).toEqual(['delta', 'reset', 'delta', 'delta', 'done']);
    expect((await ask(deps)).text).toBe('whole');
  });

  it('rejects an empty question', async () => {
    await expect(ask(fakeAiDeps([]).deps, { ...q, question: '  ' })).rejects.toThrow('Invalid question');
  });
});

import { describe, expect, it } from 'vitest';
import { askAi } from './ask-ai';
import { precomputeCommonAnswers, recordQuestion, runHourlyAiJobs } from './common-questions';
import { collectAnswer } from './router';
import type { AiRequest } from './model';
import { fakeAiDeps, ScriptedProvider, says, type ScriptedTurn } from './testing';

const local = (turn: (n: number) => ScriptedTurn) => new ScriptedProvider('ollama', 'local', (_, n) => turn(n));
const opts = { contextVersion: 'snap-2026-11-21', snapshot: null };

describe('recordQuestion + precomputeCommonAnswers', () => {
  it('answers the most asked questions ahead of time, so a blackout still finds them in the cache', async () => {
    let up = true;
    const model = local((n) => (up ? says(`answer ${n}`) : { fail: 'unavailable' }));
    const { deps, questions, cache } = fakeAiDeps([model]);
    for (const text of ['Top clans?', 'top  clans', 'TOP CLANS', 'Best gold trader?', 'Best gold trader']) {
      await recordQuestion({ questions, clock: deps.clock }, { question: text, queryType: 'stats' });
    }
    await recordQuestion({ questions, clock: deps.clock }, { question: 'rare one', queryType: 'stats' });

    const result = await precomputeCommonAnswers({ ...deps, questions }, { ...opts, limit: 2 });
    expect(result).toEqual({ considered: 2, answered: 2, fresh: 0, failed: 0 });
    expect(model.requests.map((r) => firstText(r))).toEqual([
      'QUESTION: "Top clans?"',
      'QUESTION: "Best gold trader?"',
    ]);
    expect(cache.entries.size).toBe(2);

    up = false;
    const later = await collectAnswer(
      askAi(deps, { question: 'top clans', ...opts, caller: { userId: 'u-someone', clanIds: [] } }),
    );
    expect(later).toMatchObject({ tier: 'cache', text: 'answer 0' });
  });

  it('leaves fresh answers alone and stops at the first question no model can answer', async () => {
    let up = true;
    const model = local(() => (up ? says('fine') : { fail: 'unavailable' }));
    const { deps, questions } = fakeAiDeps([model]);
    for (const text of ['one', 'one', 'two', 'three']) {
      await recordQuestion({ questions, clock: deps.clock }, { question: text, queryType: 'stats' });
    }
    await precomputeCommonAnswers({ ...deps, questions }, { ...opts, limit: 1 });
    up = false;
    const calls = model.requests.length;
    expect(await precomputeCommonAnswers({ ...deps, questions }, opts)).toEqual({
      considered: 3,
      answered: 0,
      fresh: 1,
      failed: 1,
    });
    expect(model.requests.length).toBe(calls + 1);
  });

  it('builds the platform snapshot on the first hourly run of a day and answers under its version', async () => {
    const model = local(() => says('fine'));
    const { deps, questions, snapshots, clock } = fakeAiDeps([model]);
    clock.set(new Date('2026-11-21T00:05:00Z'));
    await recordQuestion({ questions, clock }, { question: 'Who leads?', queryType: 'stats' });
    const first = await runHourlyAiJobs({ ...deps, questions, snapshots });
    expect(first).toMatchObject({ snapshot: 'snap-2026-11-21', snapshotBuilt: true, answered: 1 });
    expect(firstText(model.requests[0])).toContain('<PLATFORM_SNAPSHOT>');
    clock.advance(30 * 60_000); // a second run within the hour (e.g. a restart) finds the answer fresh
    expect(await runHourlyAiJobs({ ...deps, questions, snapshots })).toMatchObject({ snapshotBuilt: false, fresh: 1 });
    clock.set(new Date('2026-11-22T00:05:00Z'));
    expect(await runHourlyAiJobs({ ...deps, questions, snapshots })).toMatchObject({
      snapshot: 'snap-2026-11-22',
      snapshotBuilt: true,
      answered: 1,
    });
  });
});

/** The text of the first (user) message a model was sent. */
function firstText(request: AiRequest | undefined): string {
  const m = request?.messages[0];
  return m && 'content' in m ? m.content : '';
}

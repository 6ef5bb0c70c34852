import { describe, expect, it } from 'vitest';
import { askAi } from './ask-ai';
import {
  buildPlatformSnapshot,
  contextVersionOf,
  PlatformSnapshotSchema,
  refreshPlatformSnapshot,
} from './platform-snapshot';
import { collectAnswer } from './router';
import type { AiRequest } from './model';
import { fakeAiDeps, ScriptedProvider, says } from './testing';

describe('platform snapshot', () => {
  it('is a compact public document of the day, stored by the daily job and versioning the cache', async () => {
    const { deps, data, snapshots, clock } = fakeAiDeps([]);
    clock.set(new Date('2026-11-21T03:23:00Z'));
    const snapshot = await buildPlatformSnapshot({ data, clock });
    expect(PlatformSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.id).toBe('snap-2026-11-21');
    expect(snapshot.topClans.map((c) => c.tag)).toContain('WOLF');
    expect(JSON.stringify(snapshot)).not.toMatch(/SECRET|balanceMinor|openPositions/);
    expect(JSON.stringify(snapshot).length).toBeLessThan(8_000);

    expect(await refreshPlatformSnapshot({ data: deps.data, clock, snapshots })).toMatchObject({
      id: 'snap-2026-11-21',
    });
    expect(contextVersionOf(await snapshots.latest(), clock.now())).toBe('snap-2026-11-21');
    expect(contextVersionOf(null, clock.now())).toBe('day-2026-11-21');
  });

  it('is what the local model gets instead of tools; the cloud keeps its tools and gets no snapshot', async () => {
    const cloud = new ScriptedProvider('openrouter', 'cloud', () => ({ fail: 'timeout' }));
    const local = new ScriptedProvider('ollama', 'local', () => says('From the snapshot: WOLF leads.'));
    const { deps, data, clock } = fakeAiDeps([cloud, local]);
    const snapshot = await buildPlatformSnapshot({ data, clock });
    const answer = await collectAnswer(
      askAi(deps, {
        question: 'Who leads?',
        contextVersion: snapshot.id,
        snapshot,
        caller: { userId: null, clanIds: [] },
      }),
    );
    expect(answer.tier).toBe('local');
    expect(local.requests[0]?.tools).toEqual([]);
    expect(firstText(local.requests[0])).toContain('<PLATFORM_SNAPSHOT>');
    expect(local.requests[0]?.system).toContain('PLATFORM_SNAPSHOT');
    expect(cloud.requests[0]?.tools.length).toBeGreaterThan(0);
    expect(firstText(cloud.requests[0])).not.toContain('PLATFORM_SNAPSHOT');
  });
});

/** The text of the first (user) message a model was sent. */
function firstText(request: AiRequest | undefined): string {
  const m = request?.messages[0];
  return m && 'content' in m ? m.content : '';
}

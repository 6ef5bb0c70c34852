import type { Clock } from '../../shared/ports';
import { ManualClock } from '../../testing/basics';
import type { AiDeps } from '../deps';
import type { AiProvider } from '../ports';
import { MemoryAiData } from './memory-ai-data';
import {
  MemoryAnswerCache,
  MemoryConnectivity,
  MemoryHealthState,
  MemoryQuestionLog,
  MemoryQuotaStore,
  MemorySnapshotStore,
} from './memory-stores';

export {
  MemoryAnswerCache,
  MemoryConnectivity,
  MemoryHealthState,
  MemoryQuestionLog,
  MemoryQuotaStore,
  MemorySnapshotStore,
} from './memory-stores';
export { ScriptedProvider, says, callsTool, type ScriptedTurn } from './scripted-provider';
export { MemoryAiData } from './memory-ai-data';

/** AI deps on in-memory fakes around the given providers, with the fakes exposed. */
export function fakeAiDeps(providers: AiProvider[]): ReturnType<typeof build<ManualClock>>;
export function fakeAiDeps<C extends Clock>(providers: AiProvider[], clock: C): ReturnType<typeof build<C>>;
export function fakeAiDeps(providers: AiProvider[], clock: Clock = new ManualClock()) {
  return build(providers, clock);
}

function build<C extends Clock>(providers: AiProvider[], clock: C) {
  const cache = new MemoryAnswerCache(clock);
  const health = new MemoryHealthState();
  const connectivity = new MemoryConnectivity();
  const data = new MemoryAiData();
  const quota = new MemoryQuotaStore(clock);
  const questions = new MemoryQuestionLog();
  const snapshots = new MemorySnapshotStore();
  const deps: AiDeps = { providers, cache, health, connectivity, data, clock };
  return { deps, clock, cache, health, connectivity, data, quota, questions, snapshots };
}

import { getAiStatus, type AiStatus } from './ai-status';
import { askAi, type AskQuestion } from './ask-ai';
import type { AiDeps } from './deps';
import type { AnswerMeta, AskEvent } from './model';
import type { ProbeResult } from './ports';
import { probeHealth } from './probe-health';

/** A finished answer: all deltas joined (after the last reset) plus the metadata. */
export type AiAnswer = AnswerMeta & { text: string };

/** The AI use cases bound to one set of deps, for composition roots that prefer an object. */
export type AiRouter = {
  ask(question: AskQuestion): AsyncGenerator<AskEvent>;
  answer(question: AskQuestion): Promise<AiAnswer>;
  probe(): Promise<ProbeResult[]>;
  status(): Promise<AiStatus>;
  setForceLocal(on: boolean): Promise<void>;
};

/** Collects a streamed answer into one value (for non-streaming callers, e.g. `@ai` in chat). */
export async function collectAnswer(events: AsyncIterable<AskEvent>): Promise<AiAnswer> {
  let text = '';
  for await (const e of events) {
    if (e.type === 'delta') text += e.text;
    else if (e.type === 'reset') text = '';
    else {
      const { type: _, ...meta } = e;
      return { ...meta, text };
    }
  }
  throw new Error('AI stream ended without a done event');
}

/** Binds the AI use cases to `deps`. */
export function createAiRouter(deps: AiDeps): AiRouter {
  return {
    ask: (q) => askAi(deps, q),
    answer: (q) => collectAnswer(askAi(deps, q)),
    probe: () => probeHealth(deps),
    status: () => getAiStatus(deps),
    setForceLocal: (on) => deps.connectivity.setForceLocal(on),
  };
}

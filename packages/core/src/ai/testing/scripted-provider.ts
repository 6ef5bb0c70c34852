import { AiProviderError, type AiFailureKind } from '../errors';
import type { AiChunk, AiRequest, ModelTier } from '../model';
import type { AiProvider } from '../ports';

/** One model turn: the chunks to stream, or the failure to throw instead. */
export type ScriptedTurn = AiChunk[] | { fail: AiFailureKind; afterText?: string };

/**
 * A model that follows a script: `script(request, turn)` decides each turn from what it
 * was sent (so a test can play a model that obeys a hostile profile). It records every
 * request; `healthy` answers the probe.
 */
export class ScriptedProvider implements AiProvider {
  readonly requests: AiRequest[] = [];
  healthy = true;
  constructor(
    readonly id: string,
    readonly tier: ModelTier,
    private readonly script: (request: AiRequest, turn: number) => ScriptedTurn,
  ) {}

  async *stream(request: AiRequest): AsyncGenerator<AiChunk> {
    this.requests.push(request);
    const turn = this.script(request, this.requests.length - 1);
    if (!Array.isArray(turn)) {
      if (turn.afterText) yield { type: 'text', text: turn.afterText };
      throw new AiProviderError(turn.fail, `scripted ${turn.fail}`);
    }
    yield* turn;
  }

  async health() {
    return this.healthy ? { ok: true, status: 200, error: null } : { ok: false, status: null, error: 'unreachable' };
  }
}

/** A turn that answers with `text` in two deltas. */
export function says(text: string): AiChunk[] {
  const mid = Math.ceil(text.length / 2);
  return [
    { type: 'text', text: text.slice(0, mid) },
    { type: 'text', text: text.slice(mid) },
    { type: 'finish', reason: 'stop' },
  ];
}

/** A turn that calls one tool. */
export function callsTool(name: string, input: unknown, id = `call-${name}`): AiChunk[] {
  return [
    { type: 'tool-call', call: { id, name, input } },
    { type: 'finish', reason: 'tool-calls' },
  ];
}

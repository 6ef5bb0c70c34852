import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ai } from '@clantrader/core';
import { generateText, streamText, type LanguageModel } from 'ai';
import { toProviderError } from './classify';
import { startDeadlines } from './deadline';
import { toModelMessages, toToolSet } from './messages';

/** Settings of one OpenAI-compatible endpoint (OpenRouter, Ollama's /v1, vLLM, ...). */
export type OpenAiCompatibleOptions = {
  id: string;
  tier: 'cloud' | 'local';
  /** e.g. https://openrouter.ai/api/v1 or http://127.0.0.1:11434/v1 */
  baseURL: string;
  apiKey?: string;
  /** Used when a request names no model. */
  model: string;
  headers?: Record<string, string>;
  /** Defaults to the global fetch (Workers, Node 20). */
  fetch?: typeof fetch;
  /** false: one non-streaming request per turn; the first-token deadline then covers the whole reply. */
  stream?: boolean;
};

type Call = {
  model: LanguageModel;
  request: ai.AiRequest;
  abortSignal: AbortSignal;
};

function callSettings({ model, request, abortSignal }: Call) {
  return {
    model,
    system: request.system,
    messages: toModelMessages(request.messages),
    ...(request.tools.length > 0 ? { tools: toToolSet(request.tools) } : {}),
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    maxRetries: 0,
    abortSignal,
  };
}

/**
 * An `AiProvider` over the Vercel AI SDK's OpenAI-compatible client: streams text and
 * tool calls (never executes tools), aborts the HTTP call when no first token arrives in
 * `request.firstTokenTimeoutMs`, and classifies failures for the router's breaker.
 */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): ai.AiProvider {
  const client = createOpenAICompatible({
    name: options.id,
    baseURL: options.baseURL,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function* stream(
    request: ai.AiRequest,
    { signal }: { signal?: ai.AbortSignalLike },
  ): AsyncGenerator<ai.AiChunk> {
    const d = startDeadlines({
      providerId: options.id,
      firstTokenMs: request.firstTokenTimeoutMs,
      totalMs: request.totalTimeoutMs,
      signal,
    });
    const call: Call = { model: client.chatModel(request.model || options.model), request, abortSignal: d.signal };
    const fail = (e: unknown): unknown =>
      d.callerAborted() ? (signal?.reason ?? e) : (d.failure() ?? toProviderError(e, options.id));
    try {
      if (options.stream === false) {
        const r = await generateText(callSettings(call)).catch((e: unknown) => {
          throw fail(e);
        });
        d.gotFirstToken();
        if (r.text) yield { type: 'text', text: r.text };
        for (const c of r.toolCalls)
          yield { type: 'tool-call', call: { id: c.toolCallId, name: c.toolName, input: c.input } };
        yield { type: 'finish', reason: r.finishReason };
        return;
      }
      const result = streamText({ ...callSettings(call), onError: () => undefined });
      try {
        for await (const part of result.fullStream) {
          if (part.type === 'text-delta') {
            d.gotFirstToken();
            if (part.text) yield { type: 'text', text: part.text };
          } else if (part.type === 'tool-call') {
            d.gotFirstToken();
            yield { type: 'tool-call', call: { id: part.toolCallId, name: part.toolName, input: part.input } };
          } else if (part.type === 'reasoning-delta' || part.type === 'tool-input-start') {
            d.gotFirstToken();
          } else if (part.type === 'error' || part.type === 'abort') {
            throw part.type === 'error' ? part.error : new Error('aborted');
          } else if (part.type === 'finish') {
            yield { type: 'finish', reason: part.finishReason };
          }
        }
      } catch (e) {
        throw fail(e);
      }
      const late = d.failure();
      if (late) throw late;
    } finally {
      d.end();
    }
  }

  async function health({ timeoutMs, signal }: { timeoutMs: number; signal?: ai.AbortSignalLike }) {
    const d = startDeadlines({ providerId: options.id, firstTokenMs: timeoutMs, totalMs: timeoutMs, signal });
    try {
      const res = await doFetch(`${options.baseURL.replace(/\/+$/, '')}/models`, {
        headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
        signal: d.signal,
      });
      await res.body?.cancel();
      return { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (e) {
      return { ok: false, status: null, error: d.failure()?.message ?? (e instanceof Error ? e.message : String(e)) };
    } finally {
      d.end();
    }
  }

  return { id: options.id, tier: options.tier, stream, health };
}

import type { AbortSignalLike, AiMessage, AiRequest, AiToolCall } from './model';
import type { AiProvider } from './ports';
import { runToolCall, toolResultForModel, type AiTool, type ToolContext } from './tools/registry';

/** Filled in while a provider answers; read by the router once the stream ends. */
export type RunTally = { text: string; toolCalls: number; usedPrivate: boolean };

/**
 * Streams one provider's answer, running the tool loop: each model turn that asks for
 * tools gets their (validated, authorised) results and is called again. The last allowed
 * turn is offered no tools, so the model has to answer in words.
 * Provider failures propagate (the router falls through to the next tier).
 */
export async function* runProvider(args: {
  provider: AiProvider;
  request: AiRequest;
  tools: readonly AiTool[];
  ctx: ToolContext;
  maxSteps: number;
  signal: AbortSignalLike | undefined;
  tally: RunTally;
}): AsyncGenerator<string> {
  const { provider, tools, ctx, tally } = args;
  const messages: AiMessage[] = [...args.request.messages];
  for (let step = 0; step < args.maxSteps; step++) {
    const last = step === args.maxSteps - 1;
    const request: AiRequest = { ...args.request, messages, tools: last ? [] : args.request.tools };
    const calls: AiToolCall[] = [];
    let text = '';
    for await (const chunk of provider.stream(request, { signal: args.signal })) {
      if (chunk.type === 'text' && chunk.text) {
        text += chunk.text;
        tally.text += chunk.text;
        yield chunk.text;
      } else if (chunk.type === 'tool-call') {
        calls.push(chunk.call);
      }
    }
    if (calls.length === 0 || last) return;
    messages.push({ role: 'assistant', content: text, toolCalls: calls });
    for (const call of calls) {
      const outcome = await runToolCall(ctx, tools, call);
      tally.toolCalls += 1;
      if (outcome.ok && outcome.scope === 'private') tally.usedPrivate = true;
      messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, result: toolResultForModel(outcome) });
    }
  }
}

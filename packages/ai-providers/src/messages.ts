import type { ai } from '@clantrader/core';
import { jsonSchema, tool, type JSONSchema7, type ModelMessage, type ToolSet } from 'ai';

/** Core's provider-neutral history → AI SDK messages (tool calls and results included). */
export function toModelMessages(messages: readonly ai.AiMessage[]): ModelMessage[] {
  return messages.map((m): ModelMessage => {
    if (m.role === 'user') return { role: 'user', content: m.content };
    if (m.role === 'assistant') {
      return {
        role: 'assistant',
        content: [
          ...(m.content ? [{ type: 'text' as const, text: m.content }] : []),
          ...m.toolCalls.map((c) => ({
            type: 'tool-call' as const,
            toolCallId: c.id,
            toolName: c.name,
            input: c.input,
          })),
        ],
      };
    }
    return {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: m.toolCallId,
          toolName: m.toolName,
          output: { type: 'json', value: m.result },
        },
      ],
    };
  });
}

/**
 * Tool specs → AI SDK tools WITHOUT `execute` and without SDK-side validation: the SDK
 * only reports the calls; core validates the arguments with zod and runs them.
 */
export function toToolSet(specs: readonly ai.AiToolSpec[]): ToolSet {
  return Object.fromEntries(
    specs.map((s) => [
      s.name,
      tool({ description: s.description, inputSchema: jsonSchema<unknown>(s.inputSchema as JSONSchema7) }),
    ]),
  );
}

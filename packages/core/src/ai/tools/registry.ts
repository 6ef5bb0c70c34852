import { z } from 'zod';
import type { Clock } from '../../shared/ports';
import type { AiCaller, AiToolCall, AiToolSpec, JsonValue } from '../model';
import type { AiToolName } from '../models';
import type { AiDataSource } from './ports';

/** What a tool sees: who asks, the read-only data layer, and the time (for windows like "last 7 days"). */
export type ToolContext = { caller: AiCaller; data: AiDataSource; clock?: Clock };

/** Outcome of the authorisation rule; `subject` carries an id resolved while deciding. */
export type ToolAccess =
  | { ok: true; scope: 'public' | 'private'; subject: string | null }
  | { ok: false; error: 'forbidden' | 'not_found'; message: string };

/**
 * A tool the model may call. `args` parses the model's arguments (strictly: unknown keys
 * are refused); `authorize` runs before any data is read; `run` reads only what
 * `authorize` allowed.
 */
export type AiTool<A = unknown> = {
  name: AiToolName;
  description: string;
  args: z.ZodType<A>;
  authorize(ctx: ToolContext, args: A): Promise<ToolAccess>;
  run(ctx: ToolContext, args: A, access: { scope: 'public' | 'private'; subject: string | null }): Promise<JsonValue>;
};

/** Helps inference: the argument type flows from the schema into `authorize` and `run`. */
export function defineTool<A>(tool: AiTool<A>): AiTool<A> {
  return tool;
}

/**
 * What goes back to the model for one call. Failures say what went wrong in words the
 * model can relay, never any data and never the rejected values.
 */
export type ToolOutcome =
  | { ok: true; scope: 'public' | 'private'; data: JsonValue }
  | { ok: false; error: 'unknown_tool' | 'invalid_arguments' | 'forbidden' | 'not_found' | 'failed'; message: string };

/**
 * Validates and runs one tool call. Only tools in `offered` exist for the model (the set
 * comes from the query type, never from user text). Never throws.
 */
export async function runToolCall(
  ctx: ToolContext,
  offered: readonly AiTool[],
  call: AiToolCall,
): Promise<ToolOutcome> {
  const tool = offered.find((t) => t.name === call.name);
  if (!tool)
    return { ok: false, error: 'unknown_tool', message: `No tool named "${call.name.slice(0, 40)}" is available.` };
  const parsed = tool.args.safeParse(call.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
    return { ok: false, error: 'invalid_arguments', message: `Invalid arguments: ${issues.join('; ')}` };
  }
  try {
    const access = await tool.authorize(ctx, parsed.data);
    if (!access.ok) return { ok: false, error: access.error, message: access.message };
    const data = await tool.run(ctx, parsed.data, access);
    return { ok: true, scope: access.scope, data };
  } catch {
    return { ok: false, error: 'failed', message: 'The data is not available right now.' };
  }
}

/** The model-facing result: the outcome without the internal scope marker. */
export function toolResultForModel(outcome: ToolOutcome): JsonValue {
  return outcome.ok ? { ok: true, data: outcome.data } : { ok: false, error: outcome.error, message: outcome.message };
}

const specs = new WeakMap<AiTool, AiToolSpec>();

/** The JSON-Schema description of a tool handed to providers (computed once per tool). */
export function toolSpec(tool: AiTool): AiToolSpec {
  let spec = specs.get(tool);
  if (!spec) {
    const schema = z.toJSONSchema(tool.args, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    spec = { name: tool.name, description: tool.description, inputSchema: schema };
    specs.set(tool, spec);
  }
  return spec;
}

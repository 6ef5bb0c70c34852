export * from './model';
export type * from './ports';
export type * from './tools/ports';
export * from './errors';
export * from './breaker';
export * from './models';
export { type AiDeps, policyOf, modelFor } from './deps';
export { askAi, type AskQuestion } from './ask-ai';
export { createAiRouter, collectAnswer, type AiRouter, type AiAnswer } from './router';
export { probeHealth } from './probe-health';
export { getAiStatus, type AiStatus } from './ai-status';
export { countQuestion, refundQuestion, localDay, FREE_QUESTIONS_PER_DAY } from './count-question';
export {
  PlatformSnapshotSchema,
  buildPlatformSnapshot,
  refreshPlatformSnapshot,
  snapshotId,
  contextVersionOf,
  SNAPSHOT_LIMITS,
  type PlatformSnapshot,
} from './platform-snapshot';
export {
  recordQuestion,
  precomputeCommonAnswers,
  runHourlyAiJobs,
  PRECOMPUTE_TOP,
  type PrecomputeResult,
} from './common-questions';
export { normalizeQuestion, answerCacheKey } from './cache-key';
export { quoteUntrusted, buildMessages } from './prompt';
export { AI_TOOLS, toolsNamed } from './tools/catalog';
export { runToolCall, toolSpec, defineTool, type AiTool, type ToolContext, type ToolOutcome } from './tools/registry';

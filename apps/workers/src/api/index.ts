export { createApi, API_BASE, MAX_BODY_BYTES } from './create-api';
export {
  DEFAULT_AUTH_LIMITS,
  type AiApiDeps,
  type ApiDeps,
  type ApiEnv,
  type AuthLimits,
  type LogEntry,
  type OutboxMessage,
  type RateLimit,
} from './deps';
export { PROBLEMS, INTERNAL_CODE, type Problem } from './problem';
export { SESSION_COOKIE } from './middleware/auth';

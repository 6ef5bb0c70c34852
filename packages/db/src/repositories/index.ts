export { createAccountStore } from './account-store';
export { createRateLimiter, type RateLimiterOptions } from './rate-limiter';
export { createOutboxMailer, listOutbox, type OutboxMessage } from './outbox';
export { checkDatabase } from './health';
export { uniqueViolation } from './pg-errors';
export { createStatementStore } from './statement-store';

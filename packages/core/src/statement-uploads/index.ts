export * from './model';
export type * from './ports';
export type { StatementDeps } from './deps';
export { sniffStatementType, sanitizeFileName, type SniffedType } from './sniff-statement';
export { buildReport } from './build-report';
export { uploadStatement, type UploadStatementInput } from './upload-statement';
export { processStatement, type ProcessResult } from './process-statement';
export { reviewStatement } from './review-statement';
export {
  getStatementForReview,
  listMyStatements,
  listStatementsForReview,
  type StatementView,
  type StatementSummary,
} from './view-statement';
export { expireStatements } from './expire-statements';
export { requeuePendingStatements, REQUEUE_AFTER_MS } from './requeue-pending';
export { getTraderStats, type TraderStats, type AccountStats } from './get-trader-stats';
export { requireAdmin } from './require-admin';
export type { ContentHasher } from '../verification/ports';

export { checkConsistency } from './check-consistency';
export { isRealTime } from './check-values';
export {
  canonicalizeStatement,
  fingerprintStatement,
  readAccountKey,
  type StatementFingerprint,
} from './fingerprint-statement';
export {
  FINDING_CODES,
  FindingCodeSchema,
  FindingSchema,
  VERIFICATION_LIMITS,
  type Finding,
  type FindingCode,
} from './model';
export type { ContentHasher } from './ports';

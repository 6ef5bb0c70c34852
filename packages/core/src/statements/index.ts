export { parseStatement, detectFormat } from './parse-statement';
export { ParsedStatementSchema, type ParsedStatement } from './parsed-statement';
export { StatedFiguresSchema, type StatedFigures, type StatedKey } from './stated-figures';
export * from './model';
export { STATEMENT_LIMITS } from './limits';
export { decodeText, type DecodedText } from './decode-text';
export { centsToDecimal, parseDecimal, toCents } from './parse-values';
export {
  checkConsistency,
  fingerprintStatement,
  canonicalizeStatement,
  readAccountKey,
  FindingSchema,
  type Finding,
  type FindingCode,
  type StatementFingerprint,
  type ContentHasher,
} from '../verification';

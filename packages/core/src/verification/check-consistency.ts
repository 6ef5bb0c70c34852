import type { ParsedStatement } from '../statements/parsed-statement';
import { checkBalanceChain } from './check-balance-chain';
import { checkOrdering } from './check-ordering';
import { checkSummary } from './check-summary';
import { checkValues } from './check-values';
import { FindingList, type Finding } from './model';

/**
 * Looks for signs that a parsed report was edited or damaged: a broken running balance,
 * summary figures that disagree with the rows, rows out of order, duplicated tickets and
 * impossible values. Pure and linear in the number of rows; never throws on a statement
 * that passed ParsedStatementSchema. An empty list means every check that applies to this
 * format passed; it does not prove the report is genuine (see docs/verification.md).
 */
export function checkConsistency(statement: ParsedStatement): Finding[] {
  const findings = new FindingList();
  checkBalanceChain(statement, findings);
  checkSummary(statement, findings);
  checkOrdering(statement, findings);
  checkValues(statement, findings);
  return findings.items;
}

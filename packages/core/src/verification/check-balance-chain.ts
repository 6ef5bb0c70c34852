import type { ParsedStatement } from '../statements/parsed-statement';
import { centsToDecimal, toCents } from '../statements/parse-values';
import type { FindingList } from './model';

/**
 * MT4 testers keep the balance at full precision and print it and each profit rounded to
 * cents, so one step may be off by a cent. MT5 prints balances it computed in cents.
 */
function stepTolerance(statement: ParsedStatement): number {
  return statement.format === 'mt4-tester' ? 1 : 0;
}

/**
 * Replays the printed running balance: each ledger row's Balance must equal the previous
 * row's Balance plus the row's commission, fee, swap and profit. One edited money cell
 * breaks the chain at that row; an edited Balance cell breaks it at that row and the next.
 * MT5 history reports also print the final balance in the Summary, which must match the
 * last row. Reports without a running balance column (MT4 statements) have no ledger.
 */
export function checkBalanceChain(statement: ParsedStatement, findings: FindingList): void {
  const ledger = statement.ledger ?? [];
  const tolerance = stepTolerance(statement);
  for (let i = 1; i < ledger.length; i++) {
    const prev = ledger[i - 1];
    const row = ledger[i];
    if (!prev || !row) continue;
    const expected = prev.balance + row.change;
    if (Math.abs(expected - row.balance) <= tolerance) continue;
    findings.add({
      code: 'balance_chain_broken',
      message: `Row ${i + 1} prints balance ${centsToDecimal(row.balance)}, but the previous balance ${centsToDecimal(prev.balance)} plus this row's ${centsToDecimal(row.change)} is ${centsToDecimal(expected)}.`,
      numbers: {
        row: i + 1,
        previousBalance: centsToDecimal(prev.balance),
        change: centsToDecimal(row.change),
        printedBalance: centsToDecimal(row.balance),
        expectedBalance: centsToDecimal(expected),
      },
      ...(row.ticket ? { ticket: row.ticket } : {}),
    });
  }
  const last = ledger[ledger.length - 1];
  const stated = statement.stated.balance;
  if (last && stated && statement.format.startsWith('mt5-history') && toCents(stated) !== last.balance) {
    findings.add({
      code: 'summary_mismatch',
      message: `The summary balance ${centsToDecimal(toCents(stated))} differs from the last Deals balance ${centsToDecimal(last.balance)}.`,
      numbers: { figure: 'balance', stated: centsToDecimal(toCents(stated)), computed: centsToDecimal(last.balance) },
    });
  }
}

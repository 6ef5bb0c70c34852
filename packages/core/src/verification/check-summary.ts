import type { ParsedStatement } from '../statements/parsed-statement';
import { centsToDecimal, parseDecimal, toCents } from '../statements/parse-values';
import type { FindingList } from './model';

type Sums = { profit: number; swap: number; commission: number; fee: number; net: number; gross: number; loss: number };

function sumTrades(statement: ParsedStatement): Sums {
  const s: Sums = { profit: 0, swap: 0, commission: 0, fee: 0, net: 0, gross: 0, loss: 0 };
  for (const t of statement.closedTrades) {
    const net = t.profit + t.swap + t.commission + t.fee;
    s.profit += t.profit;
    s.swap += t.swap;
    s.commission += t.commission;
    s.fee += t.fee;
    s.net += net;
    if (net > 0) s.gross += net;
    else s.loss += net;
  }
  return s;
}

/** Stated decimal -> cents; absent, empty or unreadable figures are not compared. */
function statedCents(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const d = parseDecimal(value);
  return d === null ? null : toCents(d);
}

/**
 * MT4 testers print every profit rounded from full precision, so their totals drift from
 * the sum of printed rows by rounding noise that grows like the square root of the rows.
 */
function sumTolerance(statement: ParsedStatement): number {
  if (statement.format !== 'mt4-tester') return 0;
  return Math.max(2, Math.ceil(Math.sqrt(statement.closedTrades.length)));
}

type Compare = (figure: string, stated: string | null | undefined, computed: number, tolerance?: number) => void;

function comparer(findings: FindingList): Compare {
  return (figure, stated, computed, tolerance = 0) => {
    const cents = statedCents(stated);
    if (cents === null || Math.abs(cents - computed) <= tolerance) return;
    findings.add({
      code: 'summary_mismatch',
      message: `The report states ${figure} = ${centsToDecimal(cents)}, but its rows add up to ${centsToDecimal(computed)}.`,
      numbers: {
        figure,
        stated: centsToDecimal(cents),
        computed: centsToDecimal(computed),
        difference: centsToDecimal(cents - computed),
      },
    });
  };
}

/** Totals row of MT5 Deals: commission + fee + swap + profit of every deal row (tester: without balance rows). */
function checkDealsTotals(statement: ParsedStatement, compare: Compare): void {
  const totals = statement.stated.totalsRow;
  if (!totals || !statement.ledger) return;
  const parts = [totals.commission, totals.fee, totals.swap, totals.profit].map(statedCents);
  if (parts.every((p) => p === null)) return;
  const stated = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  let computed = statement.ledger.reduce((a, e) => a + e.change, 0);
  if (statement.format.startsWith('mt5-tester'))
    computed -= statement.balanceOperations.reduce((a, b) => a + b.amount, 0);
  compare('deals totals (commission + fee + swap + profit)', centsToDecimal(stated), computed);
}

/**
 * Compares every summary figure the report prints with the same figure recomputed from its
 * rows: MT4 Closed Transactions totals row, Closed Trade P/L, Deposit/Withdrawal, MT5 Deals
 * totals, Total Net Profit, Gross Profit/Loss, Total Trades, and the printed identity
 * Total Net Profit = Gross Profit + Gross Loss. Figures a report does not print are skipped.
 */
export function checkSummary(statement: ParsedStatement, findings: FindingList): void {
  const compare = comparer(findings);
  const s = sumTrades(statement);
  const stated = statement.stated;
  const tol = sumTolerance(statement);
  if (statement.format === 'mt4-statement') {
    const totals = stated.totalsRow;
    if (totals) {
      compare('totals row profit', totals.profit, s.profit);
      compare('totals row swap', totals.swap, s.swap);
      compare('totals row commission', totals.commission, s.commission);
      compare('totals row taxes', totals.taxes, s.fee);
    }
    compare('closed trade P/L', stated.closedPL, s.net);
    const moved = statement.balanceOperations.filter((b) => b.kind !== 'credit').reduce((a, b) => a + b.amount, 0);
    compare('deposit/withdrawal', stated.depositWithdrawal, moved);
  } else checkDealsTotals(statement, compare);
  compare('total net profit', stated.totalNetProfit, s.net, tol);
  compare('gross profit', stated.grossProfit, s.gross, tol);
  compare('gross loss', stated.grossLoss, s.loss, tol);
  const gross = statedCents(stated.grossProfit);
  const loss = statedCents(stated.grossLoss);
  if (gross !== null && loss !== null)
    compare('total net profit (gross profit + gross loss)', stated.totalNetProfit, gross + loss, 1);
  const count = stated.totalTrades;
  if (typeof count === 'number' && count !== statement.closedTrades.length) {
    findings.add({
      code: 'summary_mismatch',
      message: `The report states ${count} trades but lists ${statement.closedTrades.length}.`,
      numbers: { figure: 'total trades', stated: count, computed: statement.closedTrades.length },
    });
  }
}

import { z } from 'zod';
import { parseStatement } from '../statements/parse-statement';
import type { ParsedStatement } from '../statements/parsed-statement';
import { centsToDecimal } from '../statements/parse-values';
import { computeMetrics, tradeNet } from './compute-metrics';
import type { Metrics } from './model';

/** One file's entry in a corpus `expected.json` (schema 1). */
export const ExpectedFileSchema = z.object({
  format: z.string(),
  account: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])).optional(),
  stated: z.record(z.string(), z.unknown()).default({}),
  counts: z.record(z.string(), z.number()).default({}),
});
export type ExpectedFile = z.infer<typeof ExpectedFileSchema>;

export const ExpectedCorpusSchema = z.object({ schema: z.literal(1), files: z.record(z.string(), ExpectedFileSchema) });

type Value = string | number | boolean | null | undefined;

/** One compared figure: what the report says, what we parsed, what we computed. */
export type CheckRow = {
  figure: string;
  expected: Value;
  parsed: Value;
  computed: Value;
  /** Why a computed value is not comparable for this report, when it is not. */
  note?: string;
  ok: boolean;
};

export type FileCheck = { file: string; format: string | null; error: string | null; rows: CheckRow[]; ok: boolean };

function decimals(v: string): number {
  return v.includes('.') ? (v.split('.')[1] ?? '').length : 0;
}

/** Equal as numbers after rounding `actual` to the expected value's printed precision. */
export function sameFigure(expected: Value, actual: Value): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return expected === actual;
  const e = Number(expected);
  const a = Number(actual);
  if (Number.isNaN(e) || Number.isNaN(a)) return String(expected) === String(actual);
  const digits = typeof expected === 'string' ? decimals(expected) : decimals(String(expected));
  return Math.abs(e - a) <= 0.5 * 10 ** -digits + 1e-9;
}

const money = (c: number | null) => (c === null ? null : centsToDecimal(c));
const ratio = (x: number | null) => (x === null ? null : Number(x.toFixed(8)));

/** The metrics engine's value for an expected key, or a note why there is none. */
function computedFor(key: string, m: Metrics, p: ParsedStatement): { value: Value; note?: string } {
  const dd = m.drawdown;
  const map: Record<string, Value> = {
    totalNetProfit: money(m.netProfit),
    grossProfit: money(m.grossProfit),
    grossLoss: money(m.grossLoss),
    profitFactor: ratio(m.profitFactor),
    expectedPayoff: ratio(m.expectedPayoff === null ? null : m.expectedPayoff / 100),
    totalTrades: m.tradeCount,
    shortTrades: m.shortTrades,
    shortWonPct: ratio(m.shortWonPct ?? 0),
    longTrades: m.longTrades,
    longWonPct: ratio(m.longWonPct ?? 0),
    profitTrades: m.profitTrades,
    profitTradesPct: ratio(m.winRatePct ?? 0),
    lossTrades: m.lossTrades,
    lossTradesPct: ratio(m.tradeCount ? (m.lossTrades / m.tradeCount) * 100 : 0),
    largestProfitTrade: money(m.largestProfit),
    largestLossTrade: money(m.largestLoss),
    averageProfitTrade: ratio(m.averageProfit === null ? 0 : m.averageProfit / 100),
    averageLossTrade: ratio(m.averageLoss === null ? 0 : m.averageLoss / 100),
    maxConsecutiveWins: m.maxConsecutiveWins,
    maxConsecutiveLosses: m.maxConsecutiveLosses,
    absoluteDrawdown: money(dd.absolute),
    maxDrawdown: money(dd.maximal),
    maxDrawdownPct: ratio(dd.maximalPct),
    relativeDrawdown: money(dd.relative),
    relativeDrawdownPct: ratio(dd.relativePct),
    recoveryFactor: ratio(m.recoveryFactor),
    depositWithdrawal: money(m.deposits + m.withdrawals),
    closedPL: money(m.netProfit),
  };
  if (key === 'sharpeRatio')
    return {
      value: ratio(m.sharpeAnnualized),
      note: 'MT5 Sharpe uses its own per-trade definition; ours is daily, annualised',
    };
  if (p.format === 'mt4-statement' && key === 'depositWithdrawal') return { value: map[key] };
  if (key in map) return { value: map[key] };
  return { value: undefined };
}

function totalsComputed(p: ParsedStatement, key: string): Value {
  const sum = (f: (t: ParsedStatement['closedTrades'][number]) => number) =>
    p.closedTrades.reduce((a, t) => a + f(t), 0);
  if (key === 'commission') return money(sum((t) => t.commission));
  if (key === 'taxes' || key === 'fee') return money(sum((t) => t.fee));
  if (key === 'swap') return money(sum((t) => t.swap));
  if (key === 'profit') {
    const flows = p.format.startsWith('mt5-history') ? p.balanceOperations.reduce((a, b) => a + b.amount, 0) : 0;
    return money(sum((t) => t.profit) + flows);
  }
  return undefined;
}

const MT4_TESTER_DD =
  'MT4 tester drawdown includes floating P/L of open trades (equity); a closed-trade log cannot reproduce it';
const LOG_ROUNDING = 'the tester order log prints each profit rounded to cents; MetaTrader sums unrounded values';

/**
 * Figures our engine deliberately does not reproduce for a report format, with the reason.
 * The row is still printed with both values; it just does not fail the check.
 */
export const FORMAT_DIVERGENCES: Record<string, Record<string, string>> = {
  'mt4-tester': {
    absoluteDrawdown: MT4_TESTER_DD,
    maxDrawdown: MT4_TESTER_DD,
    maxDrawdownPct: MT4_TESTER_DD,
    relativeDrawdown: MT4_TESTER_DD,
    relativeDrawdownPct: MT4_TESTER_DD,
    totalNetProfit: LOG_ROUNDING,
    grossProfit: LOG_ROUNDING,
    grossLoss: LOG_ROUNDING,
  },
  'mt5-tester-html': {
    recoveryFactor: 'MT5 tester divides by the EQUITY maximal drawdown, which needs tick-level equity',
  },
  'mt5-tester-xlsx': {
    recoveryFactor: 'MT5 tester divides by the EQUITY maximal drawdown, which needs tick-level equity',
  },
  'mt5-history-html': {
    'counts.closedTradeRows':
      'the corpus counts Positions rows; the model stores one closed trade per closing deal (MT5 Total Trades)',
  },
  'mt5-history-xlsx': {
    'counts.closedTradeRows':
      'the corpus counts Positions rows; the model stores one closed trade per closing deal (MT5 Total Trades)',
  },
};

/** Balance before the first event: stated balance minus everything the report lists. */
export function inferOpeningBalance(p: ParsedStatement): number {
  if (!p.stated.balance) return 0;
  const listed =
    p.closedTrades.reduce((a, t) => a + tradeNet(t), 0) + p.balanceOperations.reduce((a, b) => a + b.amount, 0);
  return Math.round(Number(p.stated.balance) * 100) - listed;
}

/**
 * Checks one report against its expected figures: account fields, every stated figure as
 * parsed, the metrics engine's value where it has one, and the row counts.
 */
export function checkReport(
  file: string,
  bytes: Uint8Array,
  expected: ExpectedFile,
  known: Record<string, string> = {},
): FileCheck {
  let p: ParsedStatement;
  try {
    p = parseStatement(bytes);
  } catch (e) {
    return {
      file,
      format: null,
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      rows: [],
      ok: false,
    };
  }
  known = { ...FORMAT_DIVERGENCES[p.format], ...known };
  const rows: CheckRow[] = [
    {
      figure: 'format',
      expected: expected.format,
      parsed: p.format,
      computed: undefined,
      ok: p.format === expected.format,
    },
  ];
  const acc = expected.account ?? {};
  for (const [k, v] of Object.entries(acc)) {
    const parsed = k === 'name_present' ? p.account.name !== null : (p.account as Record<string, Value>)[k];
    rows.push({ figure: `account.${k}`, expected: v, parsed, computed: undefined, ok: parsed === v });
  }
  const m = computeMetrics({
    closedTrades: p.closedTrades,
    balanceOperations: p.balanceOperations,
    openingBalance: inferOpeningBalance(p),
  });
  const stated = p.stated as Record<string, Value | Record<string, Value>>;
  for (const [k, v] of Object.entries(expected.stated)) {
    if (k === 'totalsRow' && v && typeof v === 'object') {
      const parsedRow = (stated.totalsRow ?? {}) as Record<string, Value>;
      for (const [tk, tv] of Object.entries(v as Record<string, Value>)) {
        const computed = totalsComputed(p, tk);
        const note = known[`totalsRow.${tk}`];
        const ok = sameFigure(tv, parsedRow[tk]) && (tv === null || note !== undefined || sameFigure(tv, computed));
        rows.push({
          figure: `totalsRow.${tk}`,
          expected: tv,
          parsed: parsedRow[tk],
          computed,
          ok,
          ...(note ? { note } : {}),
        });
      }
      continue;
    }
    const ev = v as Value;
    const { value, note: builtIn } = computedFor(k, m, p);
    const note = known[k] ?? builtIn;
    const computedOk = value === undefined || note !== undefined || ev === null || sameFigure(ev, value);
    rows.push({
      figure: k,
      expected: ev,
      parsed: stated[k] as Value,
      computed: value,
      ok: sameFigure(ev, stated[k] as Value) && computedOk,
      ...(note ? { note } : {}),
    });
  }
  const counts: Record<string, number> = {
    closedTradeRows: p.closedTrades.length,
    balanceRows: p.balanceOperations.length,
    openTrades: p.openPositions.length,
  };
  for (const [k, v] of Object.entries(expected.counts)) {
    const note = known[`counts.${k}`];
    rows.push({
      figure: `counts.${k}`,
      expected: v,
      parsed: counts[k],
      computed: undefined,
      ok: note !== undefined || counts[k] === v,
      ...(note ? { note } : {}),
    });
  }
  return { file, format: p.format, error: null, rows, ok: rows.every((r) => r.ok) };
}

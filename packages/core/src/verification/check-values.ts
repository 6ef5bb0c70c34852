import type { ParsedStatement } from '../statements/parsed-statement';
import type { FindingList } from './model';
import { VERIFICATION_LIMITS } from './model';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when "YYYY-MM-DDTHH:MM:SS" names a real calendar instant (leap days allowed in any year divisible by 4). */
export function isRealTime(time: string): boolean {
  const [y, mo, d, h, mi, s] = time.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || y < 1970) return false;
  const max = DAYS_IN_MONTH[mo - 1] ?? 0;
  return d <= max && !(mo === 2 && d === 29 && y % 4 !== 0);
}

function isPositive(decimal: string): boolean {
  return !decimal.startsWith('-') && /[1-9]/.test(decimal);
}

type Report = (field: string, value: string, ticket?: string) => void;

function reporter(findings: FindingList): Report {
  return (field, value, ticket) =>
    findings.add({
      code: 'impossible_value',
      message: `${field} ${value} is impossible${ticket ? ` (ticket ${ticket})` : ''}.`,
      numbers: { field, value },
      ...(ticket ? { ticket } : {}),
    });
}

function checkTrades(statement: ParsedStatement, report: Report): void {
  for (const t of statement.closedTrades) {
    if (!isPositive(t.volume)) report('volume', t.volume, t.ticket);
    for (const [field, price] of [
      ['open price', t.openPrice],
      ['close price', t.closePrice],
      ['stop loss', t.stopLoss],
      ['take profit', t.takeProfit],
    ] as const) {
      if (price !== null && !isPositive(price)) report(field, price, t.ticket);
    }
    if (!isRealTime(t.closeTime)) report('close time', t.closeTime, t.ticket);
    if (t.openTime && !isRealTime(t.openTime)) report('open time', t.openTime, t.ticket);
    if (t.openTime && t.openTime > t.closeTime)
      report('close before open: close time', `${t.closeTime} < ${t.openTime}`, t.ticket);
  }
  for (const p of statement.openPositions) {
    if (!isPositive(p.volume)) report('open position volume', p.volume, p.ticket);
    if (p.openPrice !== null && !isPositive(p.openPrice)) report('open position price', p.openPrice, p.ticket);
  }
  for (const b of statement.balanceOperations)
    if (!isRealTime(b.time)) report('balance operation time', b.time, b.ticket ?? undefined);
}

function checkLeverage(leverage: string | null, report: Report): void {
  if (leverage === null) return;
  const m = /^(\d+):(\d+)$/.exec(leverage);
  const ratio = m ? Number(m[2]) / Number(m[1]) : Number.NaN;
  if (!(ratio >= 1 && ratio <= VERIFICATION_LIMITS.maxLeverage)) report('leverage', leverage);
}

/**
 * Values no trading server can produce: zero or negative volumes and prices, closes
 * before opens, non-existent calendar times, leverage below 1:1 or above
 * VERIFICATION_LIMITS.maxLeverage.
 */
export function checkValues(statement: ParsedStatement, findings: FindingList): void {
  const report = reporter(findings);
  checkTrades(statement, report);
  checkLeverage(statement.account.leverage, report);
}

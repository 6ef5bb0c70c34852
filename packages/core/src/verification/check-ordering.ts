import type { LedgerEntry } from '../statements/model';
import type { ParsedStatement } from '../statements/parsed-statement';
import type { FindingList } from './model';

const NUMERIC = /^\d{1,30}$/;

/** Deal numbers strictly increase down an MT5 Deals table; the server assigns them in order. */
function checkTickets(ledger: LedgerEntry[], findings: FindingList): void {
  let prev: LedgerEntry | undefined;
  for (const [i, row] of ledger.entries()) {
    if (!row.ticket || !NUMERIC.test(row.ticket)) continue;
    if (prev?.ticket && BigInt(row.ticket) <= BigInt(prev.ticket)) {
      findings.add({
        code: 'tickets_out_of_order',
        message: `Deal ${row.ticket} on row ${i + 1} follows deal ${prev.ticket}; deal numbers only increase.`,
        numbers: { row: i + 1, previousTicket: prev.ticket, ticketNumber: row.ticket },
        ticket: row.ticket,
      });
    }
    prev = row;
  }
}

/** Rows that carry a running balance are printed in time order (the balance is replayed in that order). */
function checkTimes(ledger: LedgerEntry[], findings: FindingList): void {
  for (let i = 1; i < ledger.length; i++) {
    const prev = ledger[i - 1];
    const row = ledger[i];
    if (!prev || !row || row.time >= prev.time) continue;
    findings.add({
      code: 'times_out_of_order',
      message: `Row ${i + 1} at ${row.time} comes after a row at ${prev.time}.`,
      numbers: { row: i + 1, previousTime: prev.time, time: row.time },
      ...(row.ticket ? { ticket: row.ticket } : {}),
    });
  }
}

/** MT4 statement tickets and MT5 deal numbers are unique; MT4 tester order numbers repeat on partial closes. */
function checkDuplicates(statement: ParsedStatement, findings: FindingList): void {
  if (statement.format === 'mt4-tester') return;
  const seen = new Set<string>();
  for (const t of statement.closedTrades) {
    if (!t.ticket) continue;
    if (seen.has(t.ticket)) {
      findings.add({
        code: 'duplicate_ticket',
        message: `Ticket ${t.ticket} is listed twice among closed trades.`,
        numbers: { ticketNumber: t.ticket },
        ticket: t.ticket,
      });
    }
    seen.add(t.ticket);
  }
}

/**
 * Order checks. MT5 Deals and MT4 tester logs are chronological, and MT5 deal numbers
 * increase, so a moved or swapped row shows. MT4 account statements are sorted by
 * neither open time, close time nor ticket in real exports, so only duplicates are checked there.
 */
export function checkOrdering(statement: ParsedStatement, findings: FindingList): void {
  const ledger = statement.ledger ?? [];
  if (statement.format.startsWith('mt5-')) checkTickets(ledger, findings);
  checkTimes(ledger, findings);
  checkDuplicates(statement, findings);
}

import { describe, expect, it } from 'vitest';
import { parseStatement } from '../src/statements/parse-statement';
import { checkConsistency } from '../src/verification';
import type { Finding } from '../src/verification';
import { fromLatin1, latin1, listCorpus, readCorpus } from './corpus-files';

const MT4 = 'mt4-statement/demo-es-label-detailed.htm';
const MT4_TESTER = 'mt4-tester/icmarkets-en.htm';
const MT5 = 'mt5-history-html/metaquotes-demo-en-utf8.html';

/** Applies `edit` to a corpus file's text and returns the findings for the result. */
function tamper(file: string, edit: (text: string) => string): Finding[] {
  const before = latin1(readCorpus(file));
  const after = edit(before);
  if (after === before) throw new Error(`edit did not change ${file}`);
  return checkConsistency(parseStatement(fromLatin1(after)));
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`pattern not found: ${String(from)}`);
  return out;
}

/** Swaps the line containing `marker` with the line `offset` lines below it. */
function swapLines(text: string, marker: string, offset: number): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(marker));
  const a = lines[i];
  const b = lines[i + offset];
  if (i < 0 || a === undefined || b === undefined) throw new Error(`line not found: ${marker}`);
  [lines[i], lines[i + offset]] = [b, a];
  return lines.join('\n');
}

describe('checkConsistency on the real corpus', () => {
  it.each(listCorpus().filter((f) => !f.endsWith('.md') && !f.endsWith('.json')))('finds nothing in %s', (file) => {
    expect(checkConsistency(parseStatement(readCorpus(file)))).toEqual([]);
  });
});

describe('checkConsistency on tampered corpus files', () => {
  it('MT4 statement: an edited profit cell disagrees with the totals row', () => {
    const findings = tamper(MT4, (t) =>
      replaceOnce(
        t,
        '<td class=mspt>0.47</td><td class=mspt>108.00</td>',
        '<td class=mspt>0.47</td><td class=mspt>208.00</td>',
      ),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'summary_mismatch',
        numbers: expect.objectContaining({ figure: 'totals row profit', stated: '88.37', computed: '188.37' }),
      }),
    );
  });

  it('MT4 statement: an edited summary figure disagrees with the rows', () => {
    const findings = tamper(MT4, (t) => replaceOnce(t, /(Gross Profit:<\/b><\/td>\s*<td[^>]*><b>)334\.11/, '$1434.11'));
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'summary_mismatch',
        numbers: expect.objectContaining({ figure: 'gross profit', stated: '434.11', computed: '334.11' }),
      }),
    );
  });

  it('MT5 history: an edited profit cell breaks the balance chain at that deal', () => {
    const findings = tamper(MT5, (t) =>
      replaceOnce(t, '<td nowrap>0.28</td><td nowrap>10 000.28</td>', '<td nowrap>5.28</td><td nowrap>10 000.28</td>'),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'balance_chain_broken',
        ticket: '1747174544',
        numbers: expect.objectContaining({ change: '5.28', printedBalance: '10000.28', expectedBalance: '10005.28' }),
      }),
    );
  });

  it('MT5 history: swapped deal rows are out of order', () => {
    const findings = tamper(MT5, (t) => swapLines(t, '<td nowrap>1747174544</td>', 1));
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'tickets_out_of_order',
        numbers: expect.objectContaining({ previousTicket: '1747174626', ticketNumber: '1747174544' }),
      }),
    );
    expect(findings.map((f) => f.code)).toContain('times_out_of_order');
  });

  it('MT5 history: an edited Total Net Profit disagrees with the trades', () => {
    const findings = tamper(MT5, (t) =>
      replaceOnce(t, /(Total Net Profit:<\/td>\s*<td nowrap><b>)-50\.84/, '$1150.84'),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'summary_mismatch',
        numbers: expect.objectContaining({ figure: 'total net profit', stated: '150.84', computed: '-50.84' }),
      }),
    );
  });

  it('MT4 tester: swapped log rows go back in time and break the balance chain', () => {
    const findings = tamper(MT4_TESTER, (t) => swapLines(t, '<td>12</td><td class=msdate>2017.10.27 08:41</td>', 2));
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: 'times_out_of_order',
        numbers: expect.objectContaining({ previousTime: '2017-10-27T17:01:00', time: '2017-10-27T08:41:00' }),
      }),
    );
    expect(findings.map((f) => f.code)).toContain('balance_chain_broken');
  });
});

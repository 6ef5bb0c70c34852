import { DomainError } from '../shared';
import { detectFormat } from './detect-format';
import { parseMt4Statement } from './parse-mt4-statement';
import { parseMt4Tester } from './parse-mt4-tester';
import { parseMt5Report } from './parse-mt5-report';
import type { ParsedStatement } from './parsed-statement';

/**
 * Parses any supported MetaTrader report from its raw bytes into the normalized model.
 * Pure and linear-time: no I/O, no clock, no backtracking regexes over the document.
 * @throws DomainError `statement.unsupported_format` (not a report we know),
 *   `statement.malformed` (truncated, binary, no trade table), `statement.too_large`
 *   (size/zip limits), `statement.missing_columns` (a required column header is absent).
 */
export function parseStatement(bytes: Uint8Array): ParsedStatement {
  const { format, grid } = detectFormat(bytes);
  try {
    if (format === 'mt4-statement') return parseMt4Statement(grid);
    if (format === 'mt4-tester') return parseMt4Tester(grid);
    return parseMt5Report(grid, format.endsWith('xlsx') ? 'xlsx' : 'html');
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if (e instanceof RangeError)
      throw new DomainError('statement.malformed', `The report holds an out-of-range value: ${e.message}`);
    throw e;
  }
}

export { detectFormat };

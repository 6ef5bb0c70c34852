import { DomainError } from '../shared';
import { decodeText } from './decode-text';
import { findTables } from './find-tables';
import type { Grid } from './grid';
import { STATEMENT_LIMITS } from './limits';
import type { StatementFormat } from './model';
import { classifyMt5 } from './parse-mt5-report';
import { readHtmlGrid } from './read-html-grid';
import { readXlsxGrid } from './read-xlsx-grid';

/** A report recognised from its bytes, already reduced to a Grid. */
export type DetectedReport = { format: StatementFormat; grid: Grid };

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeHtml(text: string): boolean {
  return /<(html|table|tr|td)[\s>]/i.test(text.slice(0, 65536));
}

/**
 * Recognises the report type from content only (never the file name): the container by
 * magic bytes (zip => XLSX), then the report by the tables it holds. MT4 statements have a
 * Closed Transactions section, MT4 tester reports an order log with Order and Balance
 * columns, MT5 reports Positions/Deals sections.
 * @throws DomainError `statement.too_large` | `statement.unsupported_format` | `statement.malformed`
 */
export function detectFormat(bytes: Uint8Array): DetectedReport {
  if (bytes.length > STATEMENT_LIMITS.maxInputBytes) {
    throw new DomainError('statement.too_large', `The file is larger than ${STATEMENT_LIMITS.maxInputBytes} bytes.`);
  }
  if (bytes.length === 0) throw new DomainError('statement.malformed', 'The file is empty.');
  const container = isZip(bytes) ? 'xlsx' : 'html';
  let grid: Grid;
  if (container === 'xlsx') grid = readXlsxGrid(bytes);
  else {
    const { text } = decodeText(bytes);
    if (!looksLikeHtml(text))
      throw new DomainError(
        'statement.unsupported_format',
        'The file is neither an HTML nor an XLSX MetaTrader report.',
      );
    if (!/<\/html\s*>/i.test(text.slice(-2048))) {
      throw new DomainError(
        'statement.malformed',
        'The report is truncated: the HTML document does not end with </html>.',
      );
    }
    grid = readHtmlGrid(text);
  }
  const tables = findTables(grid);
  if (container === 'html' && tables.some((t) => t.section === 'closed')) return { format: 'mt4-statement', grid };
  if (container === 'html' && tables.some((t) => !t.section && t.columns.has('order') && t.columns.has('balance'))) {
    return { format: 'mt4-tester', grid };
  }
  const mt5 = classifyMt5(tables);
  if (mt5) return { format: `mt5-${mt5}-${container}`, grid };
  throw new DomainError(
    'statement.unsupported_format',
    'This is not a MetaTrader 4/5 statement, history or tester report this service can read.',
  );
}

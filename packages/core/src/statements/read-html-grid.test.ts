import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared';
import type { Grid } from './grid';
import { STATEMENT_LIMITS } from './limits';
import { readHtmlGrid } from './read-html-grid';

/** Rows as [col, span, text] triples. */
const cells = (grid: Grid) => grid.rows.map((r) => r.texts.map((t, i) => [r.cols[i], r.spans[i], t]));
const texts = (grid: Grid) => grid.rows.map((r) => r.texts);

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('readHtmlGrid', () => {
  it('closes cells and rows whose end tags are omitted, as htmlparser2 does', () => {
    expect(texts(readHtmlGrid('<table><tr><td>a<td>b<tr><th>c<td>d</table>'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('places cells by colspan, drops hidden cells without advancing, and reads titles', () => {
    const grid = readHtmlGrid(
      '<TABLE><TR><TD COLSPAN="2">a</TD><td class="x hidden">h</td><td class="hiddenx" Title=" #1 &amp; x ">b</td></tr></table>',
    );
    expect(cells(grid)).toEqual([
      [
        [0, 2, 'a'],
        [2, 1, 'b'],
      ],
    ]);
    expect(grid.rows[0]?.titles).toEqual([undefined, '#1 & x']);
  });

  it('keeps the first of repeated attributes and decodes entities in them', () => {
    const grid = readHtmlGrid('<table><tr><td colspan="&#51;" colspan=1>a</td><td>b</td></tr></table>');
    expect(cells(grid)).toEqual([
      [
        [0, 3, 'a'],
        [3, 1, 'b'],
      ],
    ]);
  });

  it('reads the title, meta tags and text blocks outside tables', () => {
    const grid = readHtmlGrid(
      '<title>T &amp; C</title><META NAME="Generator" content="MT5"><meta name=x><div>Broker <b>Ltd</b></div>one<br>two<table><tr><td>x</td></tr></table>',
    );
    expect(grid.title).toBe('T & C');
    expect(grid.meta).toEqual({ generator: 'MT5', x: '' });
    expect(grid.blocks).toEqual(['Broker Ltd', 'one', 'two']);
  });

  it('treats script and style contents as nothing, and a line break in a cell as a space', () => {
    const grid = readHtmlGrid(
      '<table><tr><td>a<br>b</br>c</td><td><script>x<td>y</script><style>td{}</style>z</td></tr></table>',
    );
    expect(texts(grid)).toEqual([['a b c', 'z']]);
  });

  it('ignores stray end tags and closes what an end tag encloses', () => {
    const grid = readHtmlGrid('<table><tr><td>a</b></tr></td><td>b<i><b>c</tr><tr><td>d</td></p></table>');
    expect(texts(grid)).toEqual([['a'], ['bc'], ['d']]);
  });

  it('self-closes tags only inside SVG and MathML', () => {
    expect(texts(readHtmlGrid('<table><tr><td/>a<svg><td/>b</svg></table>'))).toEqual([['a', '']]);
  });

  it('keeps at most maxCellChars characters of a cell', () => {
    const grid = readHtmlGrid(
      `<table><tr><td>${'x'.repeat(STATEMENT_LIMITS.maxCellChars + 10)}&amp;</td></tr></table>`,
    );
    expect(grid.rows[0]?.texts[0]).toHaveLength(STATEMENT_LIMITS.maxCellChars);
  });

  it('refuses elements nested past maxDepth, but not unclosed cells and rows', () => {
    const deep = `${'<b>'.repeat(STATEMENT_LIMITS.maxDepth + 1)}x`;
    expect(errorCode(() => readHtmlGrid(deep))).toBe('statement.malformed');
    expect(errorCode(() => readHtmlGrid(`${'<b>'.repeat(STATEMENT_LIMITS.maxDepth - 2)}x`))).toBeUndefined();
    expect(readHtmlGrid(`<table>${'<tr><td>1'.repeat(5000)}</table>`).rows).toHaveLength(5000);
  });
});

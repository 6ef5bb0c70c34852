import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared';
import { STATEMENT_LIMITS } from './limits';
import { XmlReader } from './xml-reader';

/** The events of `pieces` written in order, as strings. */
function events(pieces: string[], keep: Record<string, string[]> = {}): string[] {
  const out: string[] = [];
  const reader = new XmlReader({
    keep: (name) => keep[name] ?? null,
    open: (name, attrs) =>
      out.push(`<${name}${keep[name] ? ` ${JSON.stringify(attrs.slice(0, keep[name].length))}` : ''}>`),
    text: (text) => out.push(text),
    close: (name) => out.push(`</${name}>`),
  });
  for (const p of pieces) reader.write(p);
  reader.end();
  return out;
}

describe('XmlReader', () => {
  it('reports elements, kept attributes (first of a name wins), entities and CDATA as text', () => {
    expect(
      events(['<row r="1"><c t="s" r="A1" t="n" x="y">&amp;<![CDATA[<b>]]></c><c/></row>'], { c: ['r', 't'] }),
    ).toEqual(['<row>', '<c ["A1","s"]>', '&', '<b>', '</c>', '<c [null,null]>', '</c>', '</row>']);
  });

  it('ignores stray end tags, closes enclosed elements and, at the end, every open one', () => {
    expect(events(['<a><b>x</c></a><d>y'])).toEqual(['<a>', '<b>', 'x', '</b>', '</a>', '<d>', 'y', '</d>']);
  });

  it('reads names and text that span written pieces', () => {
    expect(events(['<ro', 'w><v>1', '2</v', '></row>'])).toEqual(['<row>', '<v>', '1', '2', '</v>', '</row>']);
  });

  it('refuses elements nested past maxDepth', () => {
    let code: string | undefined;
    try {
      events(['<a>'.repeat(STATEMENT_LIMITS.maxDepth + 1)]);
    } catch (e) {
      code = isDomainError(e) ? e.code : String(e);
    }
    expect(code).toBe('statement.malformed');
    expect(events(['<a>'.repeat(STATEMENT_LIMITS.maxDepth)])).toHaveLength(2 * STATEMENT_LIMITS.maxDepth);
  });
});

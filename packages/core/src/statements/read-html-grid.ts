import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { DomainError } from '../shared';
import { GridRow, normalizeSpace, type Grid } from './grid';
import { ElementStack, isVoidElement } from './html-elements';
import { STATEMENT_LIMITS } from './limits';

/**
 * Reads report HTML into a Grid in one linear pass, driven straight by htmlparser2's
 * Tokenizer (a streaming tokenizer; nothing here backtracks). The tree rules of its Parser
 * that matter here (implied closes, void elements, the depth limit) are applied by
 * ElementStack, so the events are the Parser's, without its cost: no attribute object per
 * tag, no copy of text nobody reads (markup whitespace between cells), no lowercased copy
 * of every tag name. Cells with `class="hidden"` are dropped without advancing the column,
 * which keeps MT5's hidden comment/cost cells from shifting data against the headers.
 * Script and style contents are ignored as text.
 * @throws DomainError `statement.too_large` past STATEMENT_LIMITS.maxRows,
 *   `statement.malformed` past STATEMENT_LIMITS.maxDepth.
 */
export function readHtmlGrid(html: string): Grid {
  const reader = new HtmlGridReader(html);
  const tokenizer = new Tokenizer({ decodeEntities: true }, reader);
  tokenizer.write(html);
  tokenizer.end();
  return reader.grid();
}

/** Whose attributes are kept: none, a cell's (td/th: colspan, class, title) or a meta's (name, content). */
const NO_TARGET = 0;
const CELL = 1;
const META = 2;
/** The kept attributes, by slot (index into the reader's `attrs`). */
const ATTRS = ['colspan', 'class', 'title', 'name', 'content'] as const;
const COLSPAN = 0;
const CLASS = 1;
const TITLE = 2;
const NAME = 3;
const CONTENT = 4;
const NO_ATTR = -1;

/** Whether html[start, start + word.length) is `word` (lowercase ASCII letters) in any case, without a copy. */
function isWordAt(html: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if ((html.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** The slot of the attribute named html[start, end) if `target` keeps it. */
function attrSlot(html: string, start: number, end: number, target: number): number {
  const n = end - start;
  if (target === CELL) {
    if (n === 7) return isWordAt(html, start, 'colspan') ? COLSPAN : NO_ATTR;
    if (n === 5) return isWordAt(html, start, 'class') ? CLASS : isWordAt(html, start, 'title') ? TITLE : NO_ATTR;
  } else if (target === META) {
    if (n === 4) return isWordAt(html, start, 'name') ? NAME : NO_ATTR;
    if (n === 7) return isWordAt(html, start, 'content') ? CONTENT : NO_ATTR;
  }
  return NO_ATTR;
}

/** A tag name in lowercase; the names of cells, rows and breaks without a copy. */
function tagNameAt(html: string, start: number, end: number): string {
  if (end - start === 2) {
    const a = html.charCodeAt(start) | 0x20;
    const b = html.charCodeAt(start + 1) | 0x20;
    if (a === 0x74) {
      if (b === 0x64) return 'td';
      if (b === 0x72) return 'tr';
      if (b === 0x68) return 'th';
    } else if (a === 0x62 && b === 0x72) return 'br';
  }
  const name = html.slice(start, end).toLowerCase();
  return name === 'image' ? 'img' : name; // as the Parser reads it
}

class HtmlGridReader implements TokenizerCallbacks {
  private readonly rows: GridRow[] = [];
  private readonly blocks: string[] = [];
  private readonly meta: Record<string, string> = {};
  private readonly stack = new ElementStack((name) => this.closeElement(name));
  private title = '';
  private row: GridRow | null = null;
  // The open cell as scalars (no object per cell): `inCell` while a td/th is open; `nextCol`
  // is where the next cell of the row starts.
  private inCell = false;
  private cellCol = 0;
  private cellSpan = 1;
  private cellHidden = false;
  private cellTitle: string | undefined = undefined;
  private cellText = '';
  private cellChars = 0;
  private nextCol = 0;
  private skipDepth = 0;
  private inTitle = false;
  private tableDepth = 0;
  private block: string[] = [];
  // The open tag: its name ('' when ignored) and the attributes kept (the first of each name wins).
  private tag = '';
  private target = NO_TARGET;
  private slot = NO_ATTR;
  private attrValue = '';
  private readonly attrs: (string | undefined)[] = new Array<string | undefined>(ATTRS.length).fill(undefined);

  constructor(private readonly html: string) {}

  grid(): Grid {
    this.closeRow();
    this.flushBlock();
    return { rows: this.rows, title: normalizeSpace(this.title), blocks: this.blocks, meta: this.meta };
  }

  onopentagname(start: number, end: number): void {
    const name = tagNameAt(this.html, start, end);
    this.tag = this.stack.open(name) ? name : '';
    this.target = name === 'td' || name === 'th' ? CELL : name === 'meta' ? META : NO_TARGET;
    if (this.target !== NO_TARGET) this.attrs.fill(undefined);
  }

  onattribname(start: number, end: number): void {
    this.slot = this.target === NO_TARGET ? NO_ATTR : attrSlot(this.html, start, end, this.target);
  }

  onattribdata(start: number, end: number): void {
    if (this.slot !== NO_ATTR) this.attrValue += this.html.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.slot !== NO_ATTR) this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.slot === NO_ATTR) return;
    if (this.attrs[this.slot] === undefined) this.attrs[this.slot] = this.attrValue;
    this.slot = NO_ATTR;
    this.attrValue = '';
  }

  onopentagend(): void {
    const name = this.tag;
    this.tag = '';
    this.target = NO_TARGET;
    if (name !== '') this.openElement(name);
  }

  onselfclosingtag(): void {
    const name = this.tag;
    this.onopentagend(); // HTML: `<td/>` opens a td
    if (name !== '' && this.stack.inForeignContext()) this.stack.closeCurrent(name); // SVG/MathML: and closes it
  }

  isInForeignContext(): boolean {
    return this.stack.inForeignContext();
  }

  onclosetag(start: number, end: number): void {
    const name = tagNameAt(this.html, start, end);
    if (!isVoidElement(name)) this.stack.close(name);
    else if (name === 'br' && this.stack.open(name)) this.openElement(name); // the Parser reads </br> as <br>
  }

  ontext(start: number, end: number): void {
    if (this.skipDepth > 0) return;
    if (this.inTitle) this.title += this.html.slice(start, end);
    else if (this.inCell) {
      // Only what the cell keeps is copied (a giant cell is not).
      const room = STATEMENT_LIMITS.maxCellChars - this.cellChars;
      if (room > 0) this.cellText += this.html.slice(start, end - start <= room ? end : start + room);
      this.cellChars += end - start;
    } else if (this.tableDepth === 0) this.block.push(this.html.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    if (this.skipDepth > 0) return;
    const text = String.fromCodePoint(codepoint);
    if (this.inTitle) this.title += text;
    else if (this.inCell) {
      const room = STATEMENT_LIMITS.maxCellChars - this.cellChars;
      if (room > 0) this.cellText += text.length <= room ? text : text.slice(0, room);
      this.cellChars += text.length;
    } else if (this.tableDepth === 0) this.block.push(text);
  }

  onend(): void {
    this.stack.closeAll();
  }

  oncdata(): void {} // HTML: a comment
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  private openElement(name: string): void {
    if (name === 'td' || name === 'th') this.openCell();
    else if (name === 'tr') {
      this.closeRow();
      this.row = new GridRow();
    } else if (name === 'script' || name === 'style') this.skipDepth++;
    else if (name === 'title') this.inTitle = true;
    else if (name === 'meta') {
      const key = this.attrs[NAME];
      if (key) this.meta[key.toLowerCase()] = this.attrs[CONTENT] ?? '';
    } else if (name === 'table') {
      if (this.tableDepth === 0) this.flushBlock();
      this.tableDepth++;
    } else if (name === 'br' && this.inCell) this.cellText += ' ';
    else if ((name === 'div' || name === 'br') && this.tableDepth === 0) this.flushBlock();
  }

  private closeElement(name: string): void {
    if (name === 'td' || name === 'th') this.closeCell();
    else if (name === 'tr') this.closeRow();
    else if (name === 'script' || name === 'style') this.skipDepth = Math.max(0, this.skipDepth - 1);
    else if (name === 'title') this.inTitle = false;
    else if (name === 'table') {
      this.closeRow();
      this.tableDepth = Math.max(0, this.tableDepth - 1);
    } else if (name === 'div' && this.tableDepth === 0) this.flushBlock();
  }

  private openCell(): void {
    this.closeCell();
    if (!this.row) {
      this.row = new GridRow();
      this.nextCol = 0;
    }
    const colspan = this.attrs[COLSPAN];
    const cls = this.attrs[CLASS];
    const title = this.attrs[TITLE];
    this.cellSpan = colspan === undefined ? 1 : Math.min(Math.max(Number.parseInt(colspan, 10) || 1, 1), 1000);
    this.cellHidden = cls !== undefined && cls.includes('hidden') && /(^|\s)hidden(\s|$)/.test(cls);
    this.cellCol = this.nextCol;
    this.cellText = '';
    this.cellChars = 0;
    this.cellTitle = title ? normalizeSpace(title) : undefined;
    this.inCell = true;
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    if (!this.row || this.cellHidden) return;
    this.row.push(this.cellCol, this.cellSpan, normalizeSpace(this.cellText), this.cellTitle);
    this.nextCol = this.cellCol + this.cellSpan;
  }

  private closeRow(): void {
    this.closeCell();
    if (this.row) this.rows.push(this.row);
    this.row = null;
    this.nextCol = 0;
    if (this.rows.length > STATEMENT_LIMITS.maxRows) {
      throw new DomainError('statement.too_large', 'The report has too many table rows.');
    }
  }

  private flushBlock(): void {
    const text = normalizeSpace(this.block.join(' '));
    if (text) this.blocks.push(text);
    this.block = [];
  }
}

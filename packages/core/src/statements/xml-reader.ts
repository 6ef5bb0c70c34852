import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { DomainError } from '../shared';
import { STATEMENT_LIMITS } from './limits';

/**
 * What an XML part reader is told, in document order: the events htmlparser2's Parser emits
 * in xmlMode (names as written; CDATA as text; an element closes with its end tag, a
 * self-closing tag, an end tag of an enclosing element, or the end of the document).
 */
export type XmlHandler = {
  /** The attributes kept for an element named `name` (their slots in `open`'s list), or null. */
  keep(name: string): readonly string[] | null;
  /** `attrs[i]` is the value of `keep(name)[i]` (undefined when absent); read it at once, it is reused. */
  open(name: string, attrs: readonly (string | undefined)[]): void;
  text(text: string): void;
  close(name: string): void;
};

const NO_ATTRS: readonly (string | undefined)[] = [];

/**
 * A streaming XML reader driven straight by htmlparser2's Tokenizer (written piece by piece;
 * the pieces a slice spans are joined as the Parser joins them). The Parser's xmlMode tree
 * rules are simple enough to apply here: every element stays open until its end tag, and a
 * stray end tag is ignored. Without the Parser there is no attribute object per element and
 * no attribute read that nobody keeps.
 * @throws DomainError `statement.malformed` past STATEMENT_LIMITS.maxDepth open elements
 *   (htmlparser2 searches its stack on every end tag, and so does `close` here).
 */
export class XmlReader implements TokenizerCallbacks {
  private readonly tokenizer: Tokenizer;
  private readonly buffers: string[] = [];
  private bufferOffset = 0;
  private readonly stack: string[] = [];
  private tag = '';
  private kept: readonly string[] | null = null;
  /** The kept attributes of the open tag by slot (one list, reset per tag: `open` reads it at once). */
  private readonly attrs: (string | undefined)[] = [];
  private slot = -1;
  private attrValue = '';

  constructor(private readonly handler: XmlHandler) {
    this.tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
  }

  write(text: string): void {
    this.buffers.push(text);
    this.tokenizer.write(text);
  }

  end(): void {
    this.tokenizer.end();
  }

  onopentagname(start: number, end: number): void {
    if (this.stack.length >= STATEMENT_LIMITS.maxDepth) {
      throw new DomainError(
        'statement.malformed',
        `The document nests elements more than ${STATEMENT_LIMITS.maxDepth} deep.`,
      );
    }
    const name = this.slice(start, end);
    this.stack.push(name);
    this.tag = name;
    const kept = this.handler.keep(name);
    this.kept = kept;
    if (kept) for (let i = 0; i < kept.length; i++) this.attrs[i] = undefined;
  }

  onattribname(start: number, end: number): void {
    this.slot = this.kept ? this.kept.indexOf(this.slice(start, end)) : -1;
  }

  onattribdata(start: number, end: number): void {
    if (this.slot !== -1) this.attrValue += this.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.slot !== -1) this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (this.slot !== -1 && this.attrs[this.slot] === undefined) this.attrs[this.slot] = this.attrValue;
    this.slot = -1;
    this.attrValue = '';
  }

  onopentagend(): void {
    this.handler.open(this.tag, this.kept ? this.attrs : NO_ATTRS);
  }

  onselfclosingtag(): void {
    this.onopentagend();
    if (this.stack[this.stack.length - 1] === this.tag) this.pop();
  }

  onclosetag(start: number, end: number): void {
    const at = this.stack.lastIndexOf(this.slice(start, end));
    if (at !== -1) while (this.stack.length > at) this.pop();
  }

  ontext(start: number, end: number): void {
    this.handler.text(this.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    this.handler.text(String.fromCodePoint(codepoint));
  }

  oncdata(start: number, end: number, offset: number): void {
    this.handler.text(this.slice(start, end - offset));
  }

  onend(): void {
    while (this.stack.length > 0) this.pop();
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  private pop(): void {
    this.handler.close(this.stack.pop() as string);
  }

  /** Text between absolute offsets, across written pieces (the Parser's getSlice). */
  private slice(start: number, end: number): string {
    if (start === end) return '';
    const buffers = this.buffers;
    while (start - this.bufferOffset >= (buffers[0] as string).length) {
      this.bufferOffset += (buffers[0] as string).length;
      buffers.shift();
    }
    let out = (buffers[0] as string).slice(start - this.bufferOffset, end - this.bufferOffset);
    while (end - this.bufferOffset > (buffers[0] as string).length) {
      this.bufferOffset += (buffers[0] as string).length;
      buffers.shift();
      out += (buffers[0] as string).slice(0, end - this.bufferOffset);
    }
    return out;
  }
}

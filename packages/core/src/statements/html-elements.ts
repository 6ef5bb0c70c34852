import { DomainError } from '../shared';
import { STATEMENT_LIMITS } from './limits';

/*
 * The element rules of htmlparser2's Parser (v12, HTML mode) that decide which elements are
 * open, so that a reader driven straight by htmlparser2's Tokenizer sees the same implied
 * closes the Parser would emit: opening `<tr>` closes an open td/th/tr, `<td>` a td/th,
 * void elements never stay open, and a closing tag closes everything opened after its
 * element. Copied from htmlparser2/src/Parser.ts (openImpliesClose, voidElements).
 */
const P = ['p'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIED: [string[], string[]][] = [
  [['tr'], ['tr', 'th', 'td']],
  [['th'], ['th']],
  [['td'], ['thead', 'th', 'td']],
  [['body'], ['head', 'link', 'script']],
  [['a'], ['a']],
  [['li'], ['li']],
  [['option'], ['option']],
  [['optgroup'], ['optgroup', 'option']],
  [
    ['dd', 'dt'],
    ['dd', 'dt'],
  ],
  [
    ['rt', 'rp'],
    ['rt', 'rp'],
  ],
  [
    ['tbody', 'tfoot'],
    ['thead', 'tbody'],
  ],
  [HEADINGS, HEADINGS],
  [['select', 'input', 'output', 'button', 'datalist', 'textarea'], FORM],
  [
    // prettier-ignore
    ['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
      'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'],
    P,
  ],
];
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>();
for (const [opened, closed] of IMPLIED) {
  const set = new Set(closed);
  for (const name of opened) OPEN_IMPLIES_CLOSE.set(name, set);
}

// prettier-ignore
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed',
  'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Elements that switch back to HTML inside SVG/MathML (the Parser's htmlIntegrationElements;
 * names are kept lowercase here, so `foreignObject` is `foreignobject`).
 */
// prettier-ignore
const INTEGRATION: ReadonlySet<string> = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml',
  'foreignobject', 'desc', 'title']);

export function isVoidElement(name: string): boolean {
  return VOID_ELEMENTS.has(name);
}

/**
 * The open elements, innermost last. `open`/`close` report every element they close to
 * `onClose`, innermost first, as the Parser's onclosetag would. Inside `<svg>`/`<math>`
 * (foreign content) `inForeignContext` is true: there a self-closing tag closes and
 * `<script>`/`<title>` are ordinary elements. At most
 * STATEMENT_LIMITS.maxDepth elements are open at once (the Parser's depth guard: real
 * reports nest about 10 deep), which also keeps `close`'s search bounded.
 */
export class ElementStack {
  private readonly names: string[] = [];
  /** Per open svg/math/integration element, innermost last: whether it starts foreign content. */
  private readonly contexts: boolean[] = [];

  constructor(private readonly onClose: (name: string) => void) {}

  /**
   * Opens `name` (lowercase): closes what it implies, then pushes it unless it is void.
   * Returns false when the Parser ignores the tag (a form inside a form).
   * @throws DomainError `statement.malformed` past STATEMENT_LIMITS.maxDepth.
   */
  open(name: string): boolean {
    const names = this.names;
    if (name === 'form' && names.includes('form')) return false;
    const implied = OPEN_IMPLIES_CLOSE.get(name);
    if (implied) while (names.length > 0 && implied.has(names[names.length - 1] as string)) this.pop();
    this.checkDepth();
    if (VOID_ELEMENTS.has(name)) return true;
    names.push(name);
    if (name === 'svg' || name === 'math') this.contexts.push(true);
    else if (INTEGRATION.has(name)) this.contexts.push(false);
    return true;
  }

  inForeignContext(): boolean {
    const n = this.contexts.length;
    return n > 0 && this.contexts[n - 1] === true;
  }

  /** Closes the innermost element if it is `name` (a self-closing tag in foreign content). */
  closeCurrent(name: string): void {
    if (this.names[this.names.length - 1] === name) this.pop();
  }

  /**
   * Closes `name` (not void) and everything opened inside it; false when it is not open (a
   * stray end tag, which the Parser ignores).
   */
  close(name: string): boolean {
    const names = this.names;
    const at = names.lastIndexOf(name);
    if (at === -1) {
      // The Parser turns a stray </p> into an empty <p></p>: nothing but a depth check.
      if (name === 'p') this.checkDepth();
      return false;
    }
    while (names.length > at) this.pop();
    return true;
  }

  /** Closes every open element, innermost first (end of document). */
  closeAll(): void {
    while (this.names.length > 0) this.pop();
  }

  private pop(): void {
    const name = this.names.pop() as string;
    if (this.contexts.length > 0 && (name === 'svg' || name === 'math' || INTEGRATION.has(name))) this.contexts.pop();
    this.onClose(name);
  }

  private checkDepth(): void {
    if (this.names.length >= STATEMENT_LIMITS.maxDepth) {
      throw new DomainError(
        'statement.malformed',
        `The document nests elements more than ${STATEMENT_LIMITS.maxDepth} deep.`,
      );
    }
  }
}

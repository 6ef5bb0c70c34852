/**
 * One run of message text with its formatting. The UI renders each token as a text node
 * (inside <strong>, <em>, <code> or <a>), never as HTML, so `<script>` in a message is
 * shown as the characters the author typed.
 */
export type TextToken =
  | { type: 'text'; text: string }
  | { type: 'bold'; text: string }
  | { type: 'italic'; text: string }
  | { type: 'code'; text: string }
  | { type: 'link'; text: string; href: string };

// `code` first (its inside is literal), then **bold**, _italic_ at word edges (so
// snake_case stays as typed), then bare http(s) links.
const PATTERN =
  /`([^`\n]+)`|\*\*(?!\s)([^*\n]+?)(?<!\s)\*\*|(?<![\p{L}\p{N}_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\p{L}\p{N}_])|(https?:\/\/[^\s<>"'`]+)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

/**
 * Splits message text into formatting tokens: **bold**, _italic_, `code` and http(s)
 * links. Joining the tokens' visible text gives the message minus the marks; nothing is
 * escaped or interpreted beyond that. Links other than http(s) stay plain text.
 */
export function parseMessageText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let plain = '';
  let last = 0;
  const flush = () => {
    if (plain) tokens.push({ type: 'text', text: plain });
    plain = '';
  };
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index;
    plain += text.slice(last, start);
    const [whole, code, bold, italic, url] = match;
    last = start + whole.length;
    if (url !== undefined) {
      const trimmed = trimUrl(url);
      last = start + trimmed.length;
      flush();
      tokens.push({ type: 'link', text: trimmed, href: trimmed });
      continue;
    }
    flush();
    if (code !== undefined) tokens.push({ type: 'code', text: code });
    else if (bold !== undefined) tokens.push({ type: 'bold', text: bold });
    else if (italic !== undefined) tokens.push({ type: 'italic', text: italic });
  }
  plain += text.slice(last);
  flush();
  return tokens;
}

/** "see https://x.io/a." links to https://x.io/a; a closing parenthesis stays when one opened. */
function trimUrl(url: string): string {
  const stripped = url.replace(TRAILING_PUNCTUATION, '');
  if (url.length > stripped.length && url[stripped.length] === ')' && stripped.includes('(')) {
    return stripped + ')';
  }
  return stripped;
}

import { describe, expect, it } from 'vitest';
import { parseMessageText } from './format';

describe('parseMessageText', () => {
  it('keeps plain text as one token', () => {
    expect(parseMessageText('long EURUSD at 1.0850')).toEqual([{ type: 'text', text: 'long EURUSD at 1.0850' }]);
    expect(parseMessageText('')).toEqual([]);
  });

  it('reads bold, italic, code and links', () => {
    expect(parseMessageText('**TP hit**, _nice_ `SL=1.07` see https://example.com/x.')).toEqual([
      { type: 'bold', text: 'TP hit' },
      { type: 'text', text: ', ' },
      { type: 'italic', text: 'nice' },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'SL=1.07' },
      { type: 'text', text: ' see ' },
      { type: 'link', text: 'https://example.com/x', href: 'https://example.com/x' },
      { type: 'text', text: '.' },
    ]);
  });

  it('leaves HTML and script as literal text', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(1)> <b>bold</b>';
    expect(parseMessageText(text)).toEqual([{ type: 'text', text }]);
  });

  it('links only http and https', () => {
    expect(parseMessageText('javascript:alert(1) data:text/html,x ftp://x')).toEqual([
      { type: 'text', text: 'javascript:alert(1) data:text/html,x ftp://x' },
    ]);
    expect(parseMessageText('(see https://en.wikipedia.org/wiki/Pip_(finance))')).toEqual([
      { type: 'text', text: '(see ' },
      {
        type: 'link',
        text: 'https://en.wikipedia.org/wiki/Pip_(finance)',
        href: 'https://en.wikipedia.org/wiki/Pip_(finance)',
      },
      { type: 'text', text: ')' },
    ]);
  });

  it('does not format inside code, snake_case, or unbalanced marks', () => {
    expect(parseMessageText('`**not bold**`')).toEqual([{ type: 'code', text: '**not bold**' }]);
    expect(parseMessageText('max_drawdown_pct and ** spaced ** and 2*3*4')).toEqual([
      { type: 'text', text: 'max_drawdown_pct and ** spaced ** and 2*3*4' },
    ]);
  });

  it('keeps every character of the text in some token', () => {
    const text = 'a **b** _c_ `d` https://e.f/g h';
    const visible = parseMessageText(text)
      .map((t) => t.text)
      .join('');
    expect(visible).toBe('a b c d https://e.f/g h');
  });
});

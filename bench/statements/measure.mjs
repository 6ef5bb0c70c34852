// Child process: measures one report. Run as
//   node --expose-gc --import tsx bench/statements/measure.mjs <file>
// and prints one JSON line. A fresh process per file keeps peak-memory readings honest.
import { readFileSync } from 'node:fs';
import { Parser, unzipSync } from '../../packages/core/scripts/bench-deps.ts';
import { decodeText } from '../../packages/core/src/statements/decode-text.ts';
import { parseStatement } from '../../packages/core/src/statements/parse-statement.ts';

const MIN_MS = 400;
const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The floor we compare with: tokenizing the decoded text (XLSX: unzip + decode + tokenize the XML parts). */
function tokenizeOnly() {
  const texts = isZip
    ? Object.entries(unzipSync(bytes))
        .filter(([name]) => /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/.test(name))
        .map(([, part]) => decodeText(part).text)
    : [decodeText(bytes).text];
  let events = 0;
  for (const text of texts) {
    const p = new Parser({ onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ }, isZip ? { xmlMode: true, decodeEntities: true } : { decodeEntities: true, lowerCaseTags: true });
    p.write(text);
    p.end();
  }
  return events;
}

/** HTML baseline: decoding is part of both sides only for XLSX (as specified); for HTML we tokenize already-decoded text. */
const decoded = isZip ? null : decodeText(bytes).text;
function tokenizeDecodedHtml() {
  let events = 0;
  const p = new Parser({ onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ }, { decodeEntities: true, lowerCaseTags: true });
  p.write(decoded);
  p.end();
  return events;
}

function time(fn) {
  fn(); // warm-up
  let reps = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS || reps < 3) {
    fn();
    reps++;
  }
  return (performance.now() - start) / reps;
}

// Peak memory of one cold parse: max RSS during the parse minus the settled RSS before it.
globalThis.gc();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
const result = parseStatement(bytes);
const heapAfter = process.memoryUsage().heapUsed;
const peakRss = process.resourceUsage().maxRSS * 1024;
const trades = result.closedTrades.length;

const parseMs = time(() => parseStatement(bytes));
const tokenMs = time(isZip ? tokenizeOnly : tokenizeDecodedHtml);
process.stdout.write(`${JSON.stringify({
  file, bytes: bytes.length, trades, parseMs, tokenMs,
  peakRssDelta: Math.max(0, peakRss - rssBefore), heapDelta: Math.max(0, heapAfter - heapBefore),
})}\n`);

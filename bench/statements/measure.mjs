// Child process: measures one report. Run as
//   node --expose-gc --import tsx bench/statements/measure.mjs <file> [<warm-up file>]
// and prints one JSON line. A fresh process per file keeps peak-memory readings honest.
import { readFileSync } from 'node:fs';
import { Parser, unzipSync } from '../../packages/core/scripts/bench-deps.ts';
import { decodeText } from '../../packages/core/src/statements/decode-text.ts';
import { parseStatement } from '../../packages/core/src/statements/parse-statement.ts';

const ROUNDS = 5;
const ROUND_MS = 150;
const file = process.argv[2];
const warmFile = process.argv[3];
const bytes = new Uint8Array(readFileSync(file));
const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
const XLSX_PARTS = /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/;

/**
 * XLSX floor: unzip the parts the parser reads (the first sheet and the shared strings;
 * inflating every part, styles and charts included, would slow the floor down and flatter
 * the ratio), decode them and tokenize them.
 */
function tokenizeXlsx() {
  const parts = unzipSync(bytes, { filter: (f) => XLSX_PARTS.test(f.name) });
  let events = 0;
  for (const part of Object.values(parts)) {
    const p = new Parser({ onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ }, { xmlMode: true, decodeEntities: true });
    p.write(decodeText(part).text);
    p.end();
  }
  return events;
}

/** HTML floor: tokenizing the already-decoded text (decoding is charged to the parser only). */
const decoded = isZip ? null : decodeText(bytes).text;
function tokenizeDecodedHtml() {
  let events = 0;
  const p = new Parser({ onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ }, { decodeEntities: true, lowerCaseTags: true });
  p.write(decoded);
  p.end();
  return events;
}

/** Mean ms per call over one round of at least ROUND_MS (and 3 calls). */
function round(fn) {
  let reps = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS || reps < 3) {
    fn();
    reps++;
  }
  return (performance.now() - start) / reps;
}

// Peak memory of one parse in isolation: the code is compiled first by parsing a different,
// small report of the same container (a fixed per-process cost, not a function of the file),
// then, after a full GC, the growth of peak RSS during the parse over the settled RSS before
// it, and the V8 heap growth (no GC in between: garbage the parse left counts). maxRSS is a
// high-water mark, so if loading ever peaked higher than the settled RSS the reading is an
// upper bound (priorPeakOver reports by how much).
if (warmFile) parseStatement(new Uint8Array(readFileSync(warmFile)));
globalThis.gc();
globalThis.gc();
const rssBefore = process.memoryUsage().rss;
const priorPeak = process.resourceUsage().maxRSS * 1024;
const heapBefore = process.memoryUsage().heapUsed;
const result = parseStatement(bytes);
const heapAfter = process.memoryUsage().heapUsed;
const peakRss = process.resourceUsage().maxRSS * 1024;
const trades = result.closedTrades.length;

// Throughput: parse and floor alternate in rounds in the same process; each keeps its best round.
const tokenize = isZip ? tokenizeXlsx : tokenizeDecodedHtml;
parseStatement(bytes);
tokenize();
let parseMs = Infinity;
let tokenMs = Infinity;
for (let i = 0; i < ROUNDS; i++) {
  parseMs = Math.min(parseMs, round(() => parseStatement(bytes)));
  tokenMs = Math.min(tokenMs, round(tokenize));
}
process.stdout.write(`${JSON.stringify({
  file, bytes: bytes.length, trades, parseMs, tokenMs,
  peakRssDelta: Math.max(0, peakRss - rssBefore), heapDelta: Math.max(0, heapAfter - heapBefore),
  priorPeakOver: Math.max(0, priorPeak - rssBefore),
})}\n`);

// Child process: measures one report. Run as
//   node --expose-gc --import tsx bench/statements/measure.mjs <mode> <file> [<warm-up file>...]
// with mode `speed` (parse and floor throughput), `memory-parse` or `memory-floor` (peak
// memory of one parse / one bare tokenizing), and prints one JSON line. A fresh process per
// file and per memory subject keeps readings independent.
import { readFileSync } from 'node:fs';
import { Parser, Tokenizer, unzipSync } from '../../packages/core/scripts/bench-deps.ts';
import { decodeText } from '../../packages/core/src/statements/decode-text.ts';
import { parseStatement } from '../../packages/core/src/statements/parse-statement.ts';

const ROUNDS = 9;
const ROUND_MS = 150;
const [mode, file, ...warmFiles] = process.argv.slice(2).filter((a) => a !== '--live');
const bytes = new Uint8Array(readFileSync(file));
const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
const XLSX_PARTS = /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/;

/**
 * XLSX floor: unzip the parts the parser reads (the first sheet and the shared strings;
 * inflating every part, styles and charts included, would slow the floor down and flatter
 * the ratio), decode them and tokenize them.
 */
function tokenizeXlsx(input = bytes) {
  const parts = unzipSync(input, { filter: (f) => XLSX_PARTS.test(f.name) });
  let events = 0;
  for (const part of Object.values(parts)) {
    const p = new Parser(
      { onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ },
      { xmlMode: true, decodeEntities: true },
    );
    p.write(decodeText(part).text);
    p.end();
  }
  return events;
}

/** HTML floor: tokenizing already-decoded text (decoding is charged to the parser only). */
function tokenizeHtml(text) {
  let events = 0;
  const p = new Parser(
    { onopentag: () => events++, ontext: () => events++, onclosetag: () => events++ },
    { decodeEntities: true, lowerCaseTags: true },
  );
  p.write(text);
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

if (mode === 'speed') {
  // Throughput: parse and floor alternate in rounds in the same process; each keeps its best round.
  const decoded = isZip ? null : decodeText(bytes).text;
  const tokenize = isZip ? () => tokenizeXlsx() : () => tokenizeHtml(decoded);
  const trades = parseStatement(bytes).closedTrades.length;
  tokenize();
  let parseMs = Infinity;
  let tokenMs = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    parseMs = Math.min(
      parseMs,
      round(() => parseStatement(bytes)),
    );
    tokenMs = Math.min(tokenMs, round(tokenize));
  }
  process.stdout.write(`${JSON.stringify({ file, bytes: bytes.length, trades, parseMs, tokenMs })}\n`);
} else {
  // Peak memory of one run in isolation. The code is compiled first on other, small reports
  // of the same container (a per-process cost, not a function of the file); then,
  // after full GCs, heapUsed + external (external includes arrayBuffers) is sampled every
  // SAMPLE_EVERY tokenizer events (each '<' htmlparser2's Tokenizer reads, which both the
  // parser and the floor drive) or Map lookups, and once after the run, before any GC: garbage not yet collected counts.
  // The peak above the pre-run reading is reported. The input bytes exist before the run
  // and are not counted. RSS is not used: it includes V8's reserved semi-spaces and pages
  // freed but not returned, which are properties of the process, not of the parser.
  const floor = mode === 'memory-floor';
  const run = floor
    ? (input) => (isZip ? tokenizeXlsx(input) : tokenizeHtml(decodeText(input).text))
    : (input) => parseStatement(input).closedTrades.length;
  for (const w of warmFiles) run(new Uint8Array(readFileSync(w)));
  // Events per sample: a power of two, at least 16, and at least bytes / 900 (the Parser
  // callbacks hooked before numbered ~1.5 per '<'; /900 keeps that sampling density). Each
  // sample allocates a small object itself, so sampling more often would measure the sampler.
  let SAMPLE_EVERY = 16;
  while (SAMPLE_EVERY < bytes.length / 900) SAMPLE_EVERY *= 2;
  let peak = 0;
  let calls = 0;
  let samples = 0;
  // `live`: a full GC before each reading, so the reading is reachable memory only (the
  // minimum the run needs at that point); otherwise garbage not yet collected counts too,
  // and the reading also depends on how far V8 has let the young generation grow.
  const live = process.argv.includes('--live');
  const sample = () => {
    if (live) globalThis.gc();
    const m = process.memoryUsage();
    samples++;
    const v = m.heapUsed + m.external;
    if (v > peak) peak = v;
  };
  // Tokenizer events: the HTML parser is driven by htmlparser2's Tokenizer directly, the
  // floor and the XLSX reader through its Parser, so the one hook both share is the
  // Tokenizer's: each '<' it reads (stateBeforeTagName), the same bytes for parse and floor.
  // Map lookups are hooked too: the table readers look a column up per cell read, so the
  // phase after tokenizing (tables found, rows read while the grid is still alive) is sampled.
  const hooks = [
    [Tokenizer.prototype, 'stateBeforeTagName'],
    [Map.prototype, 'get'],
  ];
  for (const [proto, name] of hooks) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (++calls % SAMPLE_EVERY === 0) sample();
      return original.apply(this, args);
    };
  }
  globalThis.gc();
  globalThis.gc();
  const before = process.memoryUsage();
  const baseline = before.heapUsed + before.external;
  peak = baseline;
  const result = run(bytes);
  sample();
  process.stdout.write(
    `${JSON.stringify({ file, mode, live, bytes: bytes.length, result, samples, peakDelta: peak - baseline })}\n`,
  );
}

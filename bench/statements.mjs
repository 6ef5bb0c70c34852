// pnpm bench:statements — parse throughput and peak memory per statement format.
// Per format: MB/s of parseStatement over every corpus file (parse and floor alternate in
// rounds in one process, best round each), the ratio to bare htmlparser2 tokenizing of the
// same decoded text (XLSX: fflate unzip of the sheet and shared strings + decode + tokenize),
// and the peak memory of one parse of the format's largest file over its raw size, next to
// the same reading for the floor (bare tokenizing, decode included). Memory is sampled
// heapUsed + external (not RSS; see measure.mjs), once as live memory (full GC before each
// sample; decides PASS) and once including garbage not yet collected. Targets: ratio >= 0.5,
// live peak < 20x file size. A synthetic ~5 MB MT4 statement is generated for the large case.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLargeMt4Statement } from './statements/synthetic.mjs';

const corpus = process.argv[2] ?? join(import.meta.dirname, '../../shared/fixtures/statements');
const TARGET_RATIO = 0.5;
const TARGET_MEMORY = 20;

function child(args) {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'statements/measure.mjs'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop());
}
const measure = (file) => child(['speed', file]);
/** Peak memory of one run of `subject` (parse | floor) on `file`, each in a fresh process. */
const peak = (subject, file, live) =>
  child([`memory-${subject}`, file, ...warmUpFor(file), ...(live ? ['--live'] : [])]).peakDelta;

const groups = new Map();
for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  groups.set(
    dir.name,
    readdirSync(join(corpus, dir.name)).map((f) => join(corpus, dir.name, f)),
  );
}
// The warm-up reports that compile the code before a memory reading: the smallest corpus
// file of each format directory of the same container (zip or HTML), never the file itself.
const allFiles = [...groups].flatMap(([dir, fs]) =>
  fs.map((f) => ({ dir, f, size: statSync(f).size, zip: readFileSync(f).subarray(0, 2).toString('latin1') === 'PK' })),
);
function warmUpFor(file) {
  const zip = readFileSync(file).subarray(0, 2).toString('latin1') === 'PK';
  const smallest = new Map();
  for (const c of allFiles.filter((c) => c.zip === zip && c.f !== file).sort((a, b) => b.size - a.size))
    smallest.set(c.dir, c.f);
  return [...smallest.values()];
}
const tmp = mkdtempSync(join(tmpdir(), 'bench-statements-'));
const large = join(tmp, 'synthetic-5mb.htm');
writeFileSync(large, buildLargeMt4Statement(5 * 1024 * 1024));
groups.set('mt4-statement (synthetic 5 MB)', [large]);

const mb = (n) => n / (1024 * 1024);
const rows = [];
let misses = 0;
for (const [format, files] of groups) {
  const results = files.map(measure);
  const bytes = results.reduce((n, r) => n + r.bytes, 0);
  const parseMBs = mb(bytes) / (results.reduce((n, r) => n + r.parseMs, 0) / 1000);
  const tokenMBs = mb(bytes) / (results.reduce((n, r) => n + r.tokenMs, 0) / 1000);
  const largest = results.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const x = (n) => `${(n / largest.bytes).toFixed(1)}x`;
  const live = peak('parse', largest.file, true);
  const memory = live / largest.bytes;
  const ratio = parseMBs / tokenMBs;
  const pass = ratio >= TARGET_RATIO && memory < TARGET_MEMORY;
  if (!pass) misses++;
  rows.push({
    format,
    files: files.length,
    MB: mb(bytes).toFixed(2),
    'parse MB/s': parseMBs.toFixed(1),
    'tokenize MB/s': tokenMBs.toFixed(1),
    ratio: ratio.toFixed(2),
    'largest MB': mb(largest.bytes).toFixed(2),
    'live peak parse (floor)': `${x(live)} (${x(peak('floor', largest.file, true))})`,
    'incl. garbage parse (floor)': `${x(peak('parse', largest.file, false))} (${x(peak('floor', largest.file, false))})`,
    result: pass ? 'PASS' : 'MISS',
  });
}
rmSync(tmp, { recursive: true, force: true });
console.table(rows);
console.log(
  'memory: peak heapUsed + external above the pre-run baseline over the file size, sampled during one run in a fresh',
);
console.log(
  'process (not RSS, which includes reserved semi-spaces); "live" = full GC before each sample; "incl. garbage" = no GC,',
);
console.log(
  'so it also depends on how far V8 grew the young generation. floor = bare tokenizing (decode + tokenize; XLSX: unzip too).',
);
console.log(
  `targets: ratio >= ${TARGET_RATIO}, live peak memory < ${TARGET_MEMORY}x file size; ${misses === 0 ? 'all PASS' : `${misses} MISS`}`,
);

// pnpm bench:statements — parse throughput and peak memory per statement format.
// Per format: MB/s of parseStatement over every corpus file (parse and floor alternate in
// rounds in one process, best round each), the ratio to bare htmlparser2 tokenizing of the
// same decoded text (XLSX: fflate unzip of the sheet and shared strings + decode + tokenize),
// and the peak memory of one parse of the format's largest file (code compiled beforehand on
// another report; peak RSS growth or heap growth, whichever is larger) over its raw size. Targets: ratio >= 0.5,
// peak < 20x file size. A synthetic ~5 MB MT4 statement is generated for the large case.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLargeMt4Statement } from './statements/synthetic.mjs';

const corpus = process.argv[2] ?? join(import.meta.dirname, '../../shared/fixtures/statements');
const TARGET_RATIO = 0.5;
const TARGET_MEMORY = 20;

function measure(file) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'statements/measure.mjs'), file, warmUpFor(file)], {
    encoding: 'utf8', maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const groups = new Map();
for (const dir of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  groups.set(dir.name, readdirSync(join(corpus, dir.name)).map((f) => join(corpus, dir.name, f)));
}
// The warm-up report that compiles the parser before a memory reading: the smallest corpus
// file of the same container (zip or HTML) other than the file itself.
const allFiles = [...groups.values()].flat().map((f) => ({ f, size: statSync(f).size, zip: readFileSync(f).subarray(0, 2).toString('latin1') === 'PK' }));
function warmUpFor(file) {
  const zip = readFileSync(file).subarray(0, 2).toString('latin1') === 'PK';
  return allFiles.filter((c) => c.zip === zip && c.f !== file).sort((a, b) => a.size - b.size)[0].f;
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
  const memory = Math.max(largest.peakRssDelta, largest.heapDelta) / largest.bytes;
  const ratio = parseMBs / tokenMBs;
  const pass = ratio >= TARGET_RATIO && memory < TARGET_MEMORY;
  if (!pass) misses++;
  const note = largest.priorPeakOver > 1024 * 1024 ? ' (upper bound)' : '';
  rows.push({ format, files: files.length, 'MB': mb(bytes).toFixed(2), 'parse MB/s': parseMBs.toFixed(1), 'tokenize MB/s': tokenMBs.toFixed(1), ratio: ratio.toFixed(2), 'peak mem / size (largest)': `${memory.toFixed(1)}x of ${mb(largest.bytes).toFixed(2)} MB${note}`, result: pass ? 'PASS' : 'MISS' });
}
rmSync(tmp, { recursive: true, force: true });
console.table(rows);
console.log(`targets: ratio >= ${TARGET_RATIO}, peak memory < ${TARGET_MEMORY}x file size; ${misses === 0 ? 'all PASS' : `${misses} MISS`}`);

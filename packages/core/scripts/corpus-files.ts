import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus beside the clone (CI has it there); its absence fails the run, never skips it. */
export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/statements');
if (!existsSync(CORPUS))
  throw new Error(`statement corpus not found at ${CORPUS}: ../shared must sit beside the clone`);

/** Every report in the corpus as `<folder>/<file>` paths, sorted. */
export function listCorpus(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(CORPUS, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

/** Raw bytes of one corpus file. */
export function readCorpus(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, file)));
}

/** Byte-preserving text view of a single-byte/ASCII report, for surgical edits in tests. */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** Back to bytes after an edit made through `latin1`. */
export function fromLatin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

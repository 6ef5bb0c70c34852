// Re-exports for bench/statements: the baseline must use the very fflate and htmlparser2
// the parser uses, and they resolve from this package, not from the repository root.
export { unzipSync } from 'fflate';
export { Parser, Tokenizer } from 'htmlparser2';

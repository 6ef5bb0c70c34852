import { DomainError } from '../shared';
import { STATEMENT_LIMITS } from './limits';

/** Counts open elements during a tokenizer pass. */
export type DepthGuard = { open(): void; close(): void };

/**
 * htmlparser2 searches its stack of open elements on every closing tag, so a document of
 * thousands of never-closed elements makes parsing quadratic (a mutated 7 MB sheet took
 * seconds). Real reports nest at most ~10 deep; past STATEMENT_LIMITS.maxDepth the
 * document is refused. Call `open` from onopentag and `close` from onclosetag (htmlparser2
 * reports implied and self-closing ends there too, so the count mirrors its stack).
 * @throws DomainError `statement.malformed`
 */
export function createDepthGuard(): DepthGuard {
  let depth = 0;
  return {
    open() {
      if (++depth > STATEMENT_LIMITS.maxDepth) {
        throw new DomainError(
          'statement.malformed',
          `The document nests elements more than ${STATEMENT_LIMITS.maxDepth} deep.`,
        );
      }
    },
    close() {
      depth = Math.max(0, depth - 1);
    },
  };
}

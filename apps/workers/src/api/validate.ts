import { DomainError, type ErrorCode, type FieldIssue } from '@clantrader/core';
import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';

/**
 * Validates a JSON body with a (strict) zod schema; failures become `validation.failed`
 * with one entry per field, so the form can show each message beside its input. Unknown
 * keys are reported under their own names. Malformed JSON is rejected before this runs.
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) throw validationFailed(result.error.issues);
  });
}

/** Same for query strings. */
export function queryParams<T extends z.ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) throw validationFailed(result.error.issues);
  });
}

function validationFailed(issues: z.core.$ZodIssue[]): DomainError {
  const fields: FieldIssue[] = issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'Unknown field' }));
    }
    return [{ path: base, message: issue.message }];
  });
  return new DomainError('validation.failed', 'Some fields are not valid', { fields });
}

/** A UUID in any case; path and body ids are checked against it before they reach SQL. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path id: anything that is not a UUID is simply not found (`code`), never a 422 and
 * never a query. Returned lower-cased, as ids are stored.
 */
export function readPathId(raw: string, code: ErrorCode, message = 'Not found'): string {
  if (!UUID_PATTERN.test(raw)) throw new DomainError(code, message);
  return raw.toLowerCase();
}

import { z } from 'zod';

export type FieldIssue = { path: string; message: string };

/** An RFC 9457 problem answer from the API, reduced to what the UI needs. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fields: FieldIssue[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

const ProblemSchema = z.object({
  code: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().int().optional(),
  errors: z
    .array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() }))
    .optional(),
});

const FALLBACK_CODES: Record<number, string> = {
  400: 'request.malformed',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'request.not_found',
  413: 'request.too_large',
  422: 'validation.failed',
  429: 'rate.limited',
};

function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

/**
 * Turns any error response into an ApiError. Bodies that are not problem+json (a proxy's
 * HTML 502, an empty 404) still give a usable code derived from the status.
 */
export async function parseProblem(response: Response): Promise<ApiError> {
  const fallbackCode = FALLBACK_CODES[response.status] ?? (response.status >= 500 ? 'server.error' : 'request.failed');
  const parsed = ProblemSchema.safeParse(await readJson(response));
  const problem = parsed.success ? parsed.data : {};
  const fields = (problem.errors ?? []).map((issue) => ({
    path: Array.isArray(issue.path) ? issue.path.join('.') : issue.path,
    message: issue.message,
  }));
  return new ApiError(
    response.status,
    problem.code ?? fallbackCode,
    problem.detail ?? problem.title ?? response.statusText,
    fields,
    retryAfter(response),
  );
}

import { z } from 'zod';

/**
 * What a consistency check can report. A finding is evidence for an admin reviewer, not
 * a verdict: a real report never produces one (the corpus test asserts it), so any
 * finding means the file was edited, damaged, or is a variant the checks do not know yet.
 */
export const FINDING_CODES = [
  /** A row's printed running balance is not the previous balance plus the row's money. */
  'balance_chain_broken',
  /** A figure the report prints about itself disagrees with the rows it summarises. */
  'summary_mismatch',
  /** Deal numbers do not increase down the Deals table (MT5). */
  'tickets_out_of_order',
  /** Row times go backwards down a table that is printed in time order. */
  'times_out_of_order',
  /** The same ticket appears twice where tickets are unique. */
  'duplicate_ticket',
  /** A value no trading platform can produce (negative volume, zero price, close before open...). */
  'impossible_value',
] as const;
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

/** One inconsistency, with the numbers involved so a reviewer can see it without the file. */
export const FindingSchema = z.object({
  code: FindingCodeSchema,
  message: z.string(),
  numbers: z.record(z.string(), z.union([z.string(), z.number()])),
  ticket: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * Bounds of the checks. Findings of one code are capped so a hostile file cannot turn a
 * report into megabytes of findings; `maxLeverage` is far above any finite leverage a
 * broker offers (1:3000 at the time of writing).
 */
export const VERIFICATION_LIMITS = {
  maxFindingsPerCode: 20,
  maxLeverage: 100_000,
} as const;

/** Collects findings, honouring the per-code cap. */
export class FindingList {
  readonly items: Finding[] = [];
  private readonly counts = new Map<FindingCode, number>();

  add(finding: Finding): void {
    const n = this.counts.get(finding.code) ?? 0;
    if (n >= VERIFICATION_LIMITS.maxFindingsPerCode) return;
    this.counts.set(finding.code, n + 1);
    this.items.push(finding);
  }
}

import { auditEntry } from '../accounts/audit';
import { DomainError, isDomainError } from '../shared/domain-error';
import { parseStatement } from '../statements/parse-statement';
import type { ParsedStatement } from '../statements/parsed-statement';
import { checkConsistency } from '../verification/check-consistency';
import { fingerprintStatement, type StatementFingerprint } from '../verification/fingerprint-statement';
import { buildReport } from './build-report';
import type { StatementDeps } from './deps';
import type { ReviewFinding, StatementStatus } from './model';
import type { DuplicateMatch, ProcessingOutcome } from './ports';

export type ProcessResult = { status: StatementStatus; changed: boolean };

/**
 * The background job for one upload: parse, recompute the metrics, run the consistency
 * checks, fingerprint, and look for the same file, history or account claimed by another
 * user. No finding -> `verified` (trades merged into the trading account); any finding ->
 * `needs_review`; unreadable files and strategy-tester reports -> `rejected` with a reason.
 * Idempotent: only a `pending` statement changes, and the store's compare-and-set makes a
 * second concurrent run a no-op (`changed: false`).
 * @throws DomainError `statement.not_found`; plain Errors (missing blob, storage down) are
 *   for the queue to retry.
 */
export async function processStatement(
  deps: Pick<StatementDeps, 'store' | 'blobs' | 'hasher' | 'clock' | 'ids'>,
  input: { statementId: string },
): Promise<ProcessResult> {
  const statement = await deps.store.findStatement(input.statementId);
  if (!statement) throw new DomainError('statement.not_found', `No statement ${input.statementId}`);
  if (statement.status !== 'pending') return { status: statement.status, changed: false };
  const bytes = await deps.blobs.get(statement.blobKey);
  if (!bytes) throw new Error(`The original of statement ${statement.id} is missing from the blob store`);

  const base = { statementId: statement.id, at: deps.clock.now() };
  const parsed = readOrReason(bytes);
  const decide = await decider(deps, { userId: statement.userId, base, bytes, parsed });
  // Another user's upload of the same account may commit between our lookup and our write;
  // the store then answers `stale` and we decide again with what it committed.
  for (let attempt = 1; ; attempt++) {
    const outcome = await decide();
    const result = await finish(deps, statement.id, outcome);
    if (result !== 'stale') return result;
    if (attempt >= MAX_DECISIONS) {
      throw new Error(`Statement ${statement.id}: duplicates kept changing under ${MAX_DECISIONS} decisions`);
    }
  }
}

/** How to (re)decide: a rejection is final; an analysis re-reads the duplicates each time. */
async function decider(
  deps: Pick<StatementDeps, 'store' | 'hasher' | 'clock' | 'ids'>,
  input: { userId: string; base: Base; bytes: Uint8Array; parsed: ParsedStatement | string },
): Promise<() => Promise<ProcessingOutcome>> {
  const { userId, base, bytes, parsed } = input;
  if (typeof parsed === 'string') return async () => rejected(deps, userId, base, parsed);
  const fingerprint = await fingerprintStatement(deps, { bytes, statement: parsed });
  return async () => {
    const duplicates = await deps.store.findDuplicates({ userId, ...fingerprint });
    return analysed(deps, { userId, base, parsed, fingerprint, duplicates });
  };
}

/** Concurrent claims settle in one retry; more means something is looping, so the job retries later. */
const MAX_DECISIONS = 3;

async function finish(
  deps: Pick<StatementDeps, 'store'>,
  statementId: string,
  outcome: ProcessingOutcome,
): Promise<ProcessResult | 'stale'> {
  const result = await deps.store.completeProcessing(outcome);
  if (result === 'stale') return 'stale';
  if (result === 'not_pending') {
    const now = await deps.store.findStatement(statementId);
    return { status: now?.status ?? outcome.status, changed: false };
  }
  return { status: outcome.status, changed: true };
}

const TESTER_FORMATS = new Set(['mt4-tester', 'mt5-tester-html', 'mt5-tester-xlsx']);

/** The parsed statement, or the reason it cannot be verified. */
function readOrReason(bytes: Uint8Array): ParsedStatement | string {
  try {
    const parsed = parseStatement(bytes);
    if (TESTER_FORMATS.has(parsed.format)) {
      return 'statement.tester_report: A strategy tester report is a simulation, not the history of a trading account.';
    }
    return parsed;
  } catch (e) {
    if (isDomainError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
}

type Base = { statementId: string; at: Date };
type Deps = Pick<StatementDeps, 'clock' | 'ids'>;

function rejected(deps: Deps, userId: string, base: Base, reason: string): ProcessingOutcome {
  return {
    ...base,
    status: 'rejected',
    fileHash: null,
    contentHash: null,
    accountKey: null,
    findings: [],
    report: null,
    rejectReason: reason,
    account: null,
    merge: null,
    duplicatesSeen: [],
    audit: auditEntry(deps, {
      actorId: null,
      action: 'statement.rejected',
      subjectId: base.statementId,
      data: { userId, reason },
    }),
  };
}

type Analysis = {
  userId: string;
  base: Base;
  parsed: ParsedStatement;
  fingerprint: StatementFingerprint;
  duplicates: DuplicateMatch[];
};

function analysed(deps: Deps, a: Analysis): ProcessingOutcome {
  const findings: ReviewFinding[] = [...checkConsistency(a.parsed), ...claimFindings(a.duplicates)];
  if (!a.fingerprint.accountKey) {
    findings.push({
      code: 'account_unidentified',
      message: 'The report names no account login and broker.',
      numbers: {},
    });
  }
  const status = findings.length === 0 ? 'verified' : 'needs_review';
  const { account } = a.parsed;
  return {
    ...a.base,
    status,
    ...a.fingerprint,
    findings,
    report: buildReport(a.parsed),
    rejectReason: null,
    account: a.fingerprint.accountKey
      ? {
          id: deps.ids.newId(),
          userId: a.userId,
          accountKey: a.fingerprint.accountKey,
          broker: account.broker,
          server: account.server,
          currency: account.currency,
        }
      : null,
    merge:
      status === 'verified' ? { trades: a.parsed.closedTrades, balanceOperations: a.parsed.balanceOperations } : null,
    duplicatesSeen: [...new Set(a.duplicates.map((d) => d.statementId))],
    audit: auditEntry(deps, {
      actorId: null,
      action: `statement.${status}`,
      subjectId: a.base.statementId,
      data: { userId: a.userId, findings: findings.map((f) => f.code), format: a.parsed.format },
    }),
  };
}

const CLAIM_MESSAGES = {
  file: ['duplicate_file', 'Another user uploaded this very file.'],
  content: ['duplicate_content', 'Another user uploaded the same trade history.'],
  account: ['account_claimed', 'Another user has uploaded statements of this trading account.'],
} as const;

/** One finding per kind of match, naming the other uploads (ids only, no personal data). */
function claimFindings(matches: DuplicateMatch[]): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const kind of ['file', 'content', 'account'] as const) {
    const hits = matches.filter((m) => m.match === kind);
    if (hits.length === 0) continue;
    const [code, message] = CLAIM_MESSAGES[kind];
    const numbers: Record<string, string | number> = { otherUploads: hits.length };
    hits.slice(0, 5).forEach((h, i) => {
      numbers[`statement${i + 1}`] = h.statementId;
    });
    out.push({ code, message, numbers });
  }
  return out;
}

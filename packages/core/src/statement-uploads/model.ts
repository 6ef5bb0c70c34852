import { z } from 'zod';
import type { MonthlyReturn } from '../metrics/model';
import type { Cents } from '../statements/model';
import type { StatedFigures } from '../statements/stated-figures';
import type { Finding, FindingCode } from '../verification/model';

/**
 * Lifecycle of an uploaded statement. `pending` until the background job has read it;
 * then `verified` (no finding), `needs_review` (findings for an admin) or `rejected`
 * (unreadable, not account history, or refused by an admin). A verified statement becomes
 * `expired` when it is older than the re-verification period and nothing newer replaced it.
 */
export const STATEMENT_STATUSES = ['pending', 'verified', 'needs_review', 'rejected', 'expired'] as const;
export const StatementStatusSchema = z.enum(STATEMENT_STATUSES);
export type StatementStatus = z.infer<typeof StatementStatusSchema>;

/**
 * How much trust a verified figure deserves. Uploaded files are `self_reported`: the
 * checks catch edits, not a perfect forgery. `broker_verified` is reserved for data that
 * comes straight from the broker or terminal (Myfxbook, EA push), not built yet.
 */
export const VERIFICATION_LABELS = ['self_reported', 'broker_verified'] as const;
export type VerificationLabel = (typeof VERIFICATION_LABELS)[number];

/** Findings only the upload flow can make, because they need other users' uploads. */
export const CLAIM_FINDING_CODES = [
  /** The very same file was uploaded by another user. */
  'duplicate_file',
  /** The same trade history (re-exported or re-saved) was uploaded by another user. */
  'duplicate_content',
  /** Another user has uploaded statements of this trading account. */
  'account_claimed',
  /** The report names no login, so it cannot be tied to one trading account. */
  'account_unidentified',
] as const;
export type ClaimFindingCode = (typeof CLAIM_FINDING_CODES)[number];

/** A consistency finding or a claim finding, as stored and shown to the reviewer. */
export type ReviewFinding = Omit<Finding, 'code'> & { code: FindingCode | ClaimFindingCode };

/** One figure the report prints beside the value recomputed from its rows. */
export type FigureComparison = {
  key: string;
  /** As printed (decimal string or number); null when the report does not print it. */
  stated: string | number | null;
  /** Recomputed from the rows; null when undefined (e.g. profit factor without a loss). */
  computed: string | number | null;
};

/** The headline numbers of one statement, in cents of the account currency where money. */
export type KeyStats = {
  tradeCount: number;
  netProfit: Cents;
  grossProfit: Cents;
  grossLoss: Cents;
  profitFactor: number | null;
  winRatePct: number | null;
  expectedPayoff: number | null;
  maxDrawdown: Cents;
  maxDrawdownPct: number;
  timeWeightedReturnPct: number | null;
  absoluteGainPct: number | null;
  sharpeAnnualized: number | null;
  openingBalance: Cents;
  finalBalance: Cents;
  deposits: Cents;
  withdrawals: Cents;
  tradingDays: number;
  firstTime: string | null;
  lastTime: string | null;
};

/** A balance-curve point (server time as printed, balance in cents). */
export type CurvePoint = { time: string; balance: Cents };

/** The account as the report names it. `login` is shown to the owner and admins only. */
export type ReportAccount = {
  login: string | null;
  broker: string | null;
  server: string | null;
  currency: string | null;
  leverage: string | null;
};

/** What processing learned from the file; stored with the statement as one document. */
export type StatementReport = {
  format: string;
  account: ReportAccount;
  stated: StatedFigures;
  figures: FigureComparison[];
  stats: KeyStats;
  monthlyReturns: MonthlyReturn[];
  instruments: string[];
  /** At most `STATEMENT_UPLOAD_LIMITS.maxCurvePoints`, first and last always kept. */
  curve: CurvePoint[];
};

export type ReviewDecision = 'approve' | 'reject';

export type StatementReview = { by: string; at: Date; decision: ReviewDecision; reason: string | null };

/** One uploaded statement as persisted. */
export type StatementRecord = {
  id: string;
  userId: string;
  /** Sanitised; for display only, never used to pick a parser or a path. */
  fileName: string;
  byteSize: number;
  blobKey: string;
  status: StatementStatus;
  label: VerificationLabel;
  fileHash: string | null;
  contentHash: string | null;
  accountKey: string | null;
  tradingAccountId: string | null;
  findings: ReviewFinding[];
  report: StatementReport | null;
  rejectReason: string | null;
  review: StatementReview | null;
  /** Set when the statement expired; the owner is asked to upload a fresh one. */
  reverifyPrompt: boolean;
  createdAt: Date;
  processedAt: Date | null;
  verifiedAt: Date | null;
  expiredAt: Date | null;
};

/** The background job that reads an upload. Validated again when it leaves a queue. */
export const StatementJobSchema = z.strictObject({
  type: z.literal('statement.process'),
  statementId: z.uuid(),
});
export type StatementJob = z.infer<typeof StatementJobSchema>;

export const ReviewInputSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(1000, 'Reason must be at most 1000 characters').optional(),
  })
  .refine((v) => v.decision !== 'reject' || (v.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'A reason is required to reject a statement',
  });
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

/** `?cursor=<id>&limit=<n>` for every statement list. */
export const PageQuerySchema = z.strictObject({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const AdminListQuerySchema = PageQuerySchema.extend({
  status: StatementStatusSchema.default('needs_review'),
});

/** A page of items, newest first; `nextCursor` is null on the last page. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export const STATEMENT_UPLOAD_LIMITS = {
  /** A verified statement is current for 30 days, then the trader is asked for a new one. */
  reverifyAfterMs: 30 * 24 * 60 * 60 * 1000,
  maxCurvePoints: 500,
  maxFileNameChars: 120,
} as const;

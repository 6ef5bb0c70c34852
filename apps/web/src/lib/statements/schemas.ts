import { z } from 'zod';

/**
 * Shapes of the statement answers of the API (packages/core/src/statement-uploads). Money
 * is integer cents of the account currency; dates are ISO strings (only ever formatted).
 * Everything here is data to show as text: file names, findings and broker names come from
 * uploaded files and are never rendered as HTML.
 */
export const STATEMENT_STATUSES = ['pending', 'verified', 'needs_review', 'rejected', 'expired'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const VERIFICATION_LABELS = ['self_reported', 'broker_verified'] as const;

const Cents = z.number().int();
const Maybe = z.number().nullable();
const Time = z.string().nullable();

export const KeyStatsSchema = z.object({
  tradeCount: z.number(),
  netProfit: Cents,
  grossProfit: Cents,
  grossLoss: Cents,
  profitFactor: Maybe,
  winRatePct: Maybe,
  expectedPayoff: Maybe,
  maxDrawdown: Cents,
  maxDrawdownPct: z.number(),
  timeWeightedReturnPct: Maybe,
  absoluteGainPct: Maybe,
  sharpeAnnualized: Maybe,
  openingBalance: Cents,
  finalBalance: Cents,
  deposits: Cents,
  withdrawals: Cents,
  tradingDays: z.number(),
  firstTime: Time,
  lastTime: Time,
});
export type KeyStats = z.infer<typeof KeyStatsSchema>;

export const CurvePointSchema = z.object({ time: z.string(), balance: Cents });
export type CurvePoint = z.infer<typeof CurvePointSchema>;

export const MonthlyReturnSchema = z.object({ month: z.string(), profit: Cents, returnPct: z.number() });
export type MonthlyReturn = z.infer<typeof MonthlyReturnSchema>;

export const FindingSchema = z.object({
  code: z.string(),
  message: z.string(),
  numbers: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  ticket: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const Figure = z.union([z.string(), z.number()]).nullable();
export const FigureComparisonSchema = z.object({ key: z.string(), stated: Figure, computed: Figure });
export type FigureComparison = z.infer<typeof FigureComparisonSchema>;

export const ReportSchema = z.object({
  format: z.string(),
  account: z.object({
    login: z.string().nullable(),
    broker: z.string().nullable(),
    server: z.string().nullable(),
    currency: z.string().nullable(),
    leverage: z.string().nullable(),
  }),
  figures: z.array(FigureComparisonSchema),
  stats: KeyStatsSchema,
  monthlyReturns: z.array(MonthlyReturnSchema),
  instruments: z.array(z.string()),
  curve: z.array(CurvePointSchema),
});
export type StatementReport = z.infer<typeof ReportSchema>;

const SummaryFields = {
  id: z.string(),
  userId: z.string(),
  fileName: z.string(),
  byteSize: z.number(),
  status: z.enum(STATEMENT_STATUSES),
  label: z.enum(VERIFICATION_LABELS),
  rejectReason: z.string().nullable(),
  review: z
    .object({ by: z.string(), at: z.string(), decision: z.enum(['approve', 'reject']), reason: z.string().nullable() })
    .nullable(),
  reverifyPrompt: z.boolean().default(false),
  createdAt: z.string(),
  processedAt: Time,
  verifiedAt: Time,
  expiredAt: Time,
};

export const StatementSummarySchema = z.object({ ...SummaryFields, findingCount: z.number() });
export type StatementSummary = z.infer<typeof StatementSummarySchema>;

export const StatementViewSchema = z.object({
  ...SummaryFields,
  findings: z.array(FindingSchema),
  report: ReportSchema.nullable(),
});
export type StatementView = z.infer<typeof StatementViewSchema>;

export const StatementPageSchema = z.object({
  items: z.array(StatementSummarySchema),
  nextCursor: z.string().nullable(),
  reverificationDue: z.boolean().default(false),
});
export type StatementPage = z.infer<typeof StatementPageSchema>;

export const UploadAcceptedSchema = z.object({ statementId: z.string() });

export const AccountStatsSchema = z.object({
  tradingAccountId: z.string(),
  broker: z.string().nullable(),
  server: z.string().nullable(),
  currency: z.string().nullable(),
  statementId: z.string(),
  verifiedAt: z.string(),
  label: z.enum(VERIFICATION_LABELS),
  stats: KeyStatsSchema,
  balanceCurve: z.array(CurvePointSchema),
  monthlyReturns: z.array(MonthlyReturnSchema),
  instruments: z.array(z.string()),
});
export type AccountStats = z.infer<typeof AccountStatsSchema>;

export const TraderStatsSchema = z.object({
  handle: z.string(),
  verified: z.boolean(),
  badge: z.object({ label: z.enum(VERIFICATION_LABELS), verifiedAt: z.string() }).nullable(),
  accounts: z.array(AccountStatsSchema),
  instruments: z.array(z.string()),
});
export type TraderStats = z.infer<typeof TraderStatsSchema>;

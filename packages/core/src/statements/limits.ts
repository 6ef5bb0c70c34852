/**
 * Hard ceilings applied to every uploaded report. They bound memory and time so a hostile
 * file is refused early instead of exhausting a Worker; real MT4/MT5 exports in the corpus
 * stay far below them (the largest is ~1.3 MB of HTML, 5 400 spreadsheet rows).
 */
export const STATEMENT_LIMITS = {
  /** Raw upload size. */
  maxInputBytes: 32 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of the zip entries we inflate. */
  maxInflatedBytes: 64 * 1024 * 1024,
  /** Entries in a zip central directory (an MT5 XLSX has ~10). */
  maxZipEntries: 200,
  /** Table rows in one report. */
  maxRows: 500_000,
  /** Characters kept in one cell. */
  maxCellChars: 4_096,
} as const;

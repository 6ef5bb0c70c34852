/**
 * Hard ceilings applied to every uploaded report. They bound memory and time so a hostile
 * file is refused early instead of exhausting a Worker; real MT4/MT5 exports in the corpus
 * stay far below them (the largest is ~1.3 MB of HTML, 5 400 spreadsheet rows).
 */
export const STATEMENT_LIMITS = {
  /**
   * Raw upload size, checked before anything is decoded. 10 MiB is ~8x the largest real
   * export and keeps a worst-case parse well under 2 s (docs/verification.md).
   */
  maxInputBytes: 10 * 1024 * 1024,
  /**
   * Sum of the declared uncompressed sizes of the zip entries (the largest real MT5 XLSX
   * declares 7.7 MB, UTF-16 XML); bounds inflate + decode + tokenize time to ~1 s.
   */
  maxInflatedBytes: 32 * 1024 * 1024,
  /** Entries in a zip central directory (an MT5 XLSX has ~10). */
  maxZipEntries: 200,
  /** Table rows in one report (the largest real report has ~5 400). */
  maxRows: 200_000,
  /** Open elements at once (real reports: at most ~10); see html-elements.ts and xml-reader.ts. */
  maxDepth: 256,
  /** Characters kept in one cell. */
  maxCellChars: 4_096,
} as const;

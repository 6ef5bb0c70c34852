/** "eurusd, XAUUSD  us30" → ["EURUSD", "XAUUSD", "US30"]: commas or spaces, no duplicates. */
export function splitPairs(text: string | undefined): string[] {
  if (!text) return [];
  const pairs = text
    .split(/[\s,،]+/)
    .map((pair) => pair.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(pairs)];
}

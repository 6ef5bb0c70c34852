import { clans, ranking, TRADING_STYLES } from '@clantrader/core';

/** Free-agent sessions the API filters by ("any" traders match every session). */
export const AGENT_SESSIONS = ['asian', 'london', 'new_york'] as const;

/** A filter value is either free text (trimmed, capped) or one of a closed set. */
type Rule = { kind: 'text'; max: number; upper?: boolean } | { kind: 'enum'; values: readonly string[] };

export type QuerySpec = Record<string, Rule>;

export const CLAN_SEARCH: QuerySpec = {
  q: { kind: 'text', max: 32 },
  focus: { kind: 'enum', values: clans.TRADING_FOCUSES },
  privacy: { kind: 'enum', values: clans.CLAN_PRIVACIES },
};

export const FREE_AGENT_SEARCH: QuerySpec = {
  style: { kind: 'enum', values: TRADING_STYLES },
  pair: { kind: 'text', max: 16, upper: true },
  tier: { kind: 'enum', values: ranking.TIERS },
  risk: { kind: 'enum', values: clans.RISK_LEVELS },
  session: { kind: 'enum', values: AGENT_SESSIONS },
};

/** Filters and cursor as the page keeps them: every key present, '' for "not set". */
export type ListQuery = Record<string, string> & { cursor: string };

/**
 * Reads a list page's filters from its URL. Unknown values are dropped (a hand-edited URL
 * shows everything instead of an error); free text is trimmed and capped.
 */
export function readListQuery(url: URL, spec: QuerySpec): ListQuery {
  const query: ListQuery = { cursor: (url.searchParams.get('cursor') ?? '').trim().slice(0, 64) };
  for (const [key, rule] of Object.entries(spec)) {
    const raw = (url.searchParams.get(key) ?? '').trim();
    if (rule.kind === 'enum') query[key] = rule.values.includes(raw) ? raw : '';
    else query[key] = (rule.upper ? raw.toUpperCase() : raw).slice(0, rule.max);
  }
  return query;
}

/** `?a=b&…` of the set values (plus overrides); '' when nothing is set. */
export function listSearch(query: ListQuery, overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const { cursor: _cursor, ...filters } = query;
  for (const [key, value] of Object.entries({ ...filters, ...overrides })) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The API query string for one page of the list. */
export function apiListQuery(query: ListQuery, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set('limit', String(limit));
  return params.toString();
}

/** True when any filter (not the cursor) is set. */
export function hasListFilters(query: ListQuery): boolean {
  return Object.entries(query).some(([key, value]) => key !== 'cursor' && value !== '');
}

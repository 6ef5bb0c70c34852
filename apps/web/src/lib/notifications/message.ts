import type { MessageKey, Vars } from '$lib/i18n';
import type { NotificationItem } from './schemas';

/** The few translation helpers a notification message needs (so this stays testable without Svelte). */
export type MessageTools = {
  t: (key: MessageKey, vars?: Vars) => string;
  tOr: (key: string, fallback: string) => string;
  number: (value: number) => string;
  month: (month: string) => string;
};

const KINDS: Record<string, MessageKey> = {
  'rank.climbed': 'notifications.kind.rank.climbed',
  'rank.dropped': 'notifications.kind.rank.dropped',
  'tier.changed': 'notifications.kind.tier.changed',
  'season.ended': 'notifications.kind.season.ended',
  'season.started': 'notifications.kind.season.started',
  'award.won': 'notifications.kind.award.won',
};

/**
 * The sentence a notification shows, in the reader's language: numbers in its digits,
 * seasons as month names, tiers and awards by their translated names. Plain text only.
 */
export function notificationMessage(n: NotificationItem, tools: MessageTools): string {
  const key = KINDS[n.kind];
  if (!key) return tools.t('notifications.kind.unknown');
  const d = n.data;
  const num = (v: unknown) => (typeof v === 'number' ? tools.number(v) : '—');
  const tier = (v: unknown) => (typeof v === 'string' ? tools.tOr(`tier.${v}`, v) : tools.t('tier.unranked'));
  const award =
    typeof d.instrument === 'string' && d.instrument
      ? tools.t('award.specialistOn', { instrument: d.instrument })
      : typeof d.award === 'string'
        ? tools.tOr(`award.${d.award}`, d.award)
        : '—';
  return tools.t(key, {
    season: typeof d.seasonId === 'string' ? tools.month(d.seasonId) : '—',
    position: num(d.position),
    places: num(d.places),
    tier: tier(d.tier),
    previous: n.kind === 'tier.changed' ? tier(d.previous) : num(d.previous),
    award,
  });
}

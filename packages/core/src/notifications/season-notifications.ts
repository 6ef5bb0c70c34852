import type { SeasonArchive } from '../seasons/model';
import type { NotificationDraft } from './model';

/**
 * What a season's end tells its traders: their final place and tier, each award won, and
 * that the next season is open. Keys name the season, so a second rollover run (or a
 * second server) notifies nobody twice.
 */
export function seasonEndNotifications(archive: SeasonArchive, next: { seasonId: string }): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  for (const s of archive.standings) {
    if (!s.eligible) continue;
    out.push({
      userId: s.traderId,
      kind: 'season.ended',
      data: { seasonId: archive.seasonId, position: s.position, tier: s.tier },
      dedupeKey: `season.ended:${archive.seasonId}`,
    });
    out.push({
      userId: s.traderId,
      kind: 'season.started',
      data: { seasonId: next.seasonId },
      dedupeKey: `season.started:${next.seasonId}`,
    });
  }
  for (const award of archive.awards) {
    const what = award.instrument ? `${award.kind}:${award.instrument}` : award.kind;
    out.push({
      userId: award.traderId,
      kind: 'award.won',
      data: { seasonId: archive.seasonId, award: award.kind, instrument: award.instrument ?? null },
      dedupeKey: `award.won:${archive.seasonId}:${what}`,
    });
  }
  return out;
}

import { CLAN_SIZE_LIMITS, type ClanSummary } from './model';
import type { ClanWithCount } from './ports';

/** A clan as lists and previews show it. */
export function toSummary(clan: ClanWithCount): ClanSummary {
  return {
    id: clan.id,
    name: clan.name,
    slug: clan.slug,
    description: clan.description,
    avatarUrl: clan.avatarUrl,
    tradingFocus: clan.tradingFocus,
    privacy: clan.privacy,
    plan: clan.plan,
    telegramUrl: clan.telegramUrl,
    createdAt: clan.createdAt,
    memberCount: clan.memberCount,
    sizeLimit: CLAN_SIZE_LIMITS[clan.plan],
  };
}

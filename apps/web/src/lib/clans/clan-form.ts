/** The fields of the create and edit clan forms, in the order they show. */
export const CLAN_FIELDS = ['name', 'description', 'avatarUrl', 'tradingFocus', 'privacy', 'telegramUrl'] as const;
export type ClanFields = Record<(typeof CLAN_FIELDS)[number], string | undefined>;

/**
 * Form strings → the API's clan input (create, and edit which sends every field): blank
 * optional links mean "none", privacy defaults to "by request".
 */
export function toClanInput(fields: ClanFields) {
  const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    name: fields.name ?? '',
    description: fields.description ?? '',
    avatarUrl: blankToNull(fields.avatarUrl),
    tradingFocus: fields.tradingFocus ?? '',
    privacy: fields.privacy || 'request',
    telegramUrl: blankToNull(fields.telegramUrl),
  };
}

/** The form's starting values for an existing clan. */
export function clanFormValues(clan: {
  name: string;
  description: string;
  avatarUrl: string | null;
  tradingFocus: string;
  privacy: string;
  telegramUrl: string | null;
}): Record<string, string> {
  return {
    name: clan.name,
    description: clan.description,
    avatarUrl: clan.avatarUrl ?? '',
    tradingFocus: clan.tradingFocus,
    privacy: clan.privacy,
    telegramUrl: clan.telegramUrl ?? '',
  };
}

import type { MessageKey } from '$lib/i18n';

/** API problem codes of clans and channels → what the page says (in the reader's language). */
export const DOMAIN_ERROR_KEYS: Record<string, MessageKey> = {
  'clan.not_found': 'clans.error.notFound',
  'clan.name_taken': 'clans.error.nameTaken',
  'clan.already_in_clan': 'clans.error.alreadyInClan',
  'clan.full': 'clans.error.full',
  'clan.not_permitted': 'clans.error.notPermitted',
  'clan.member_not_found': 'clans.error.memberNotFound',
  'clan.leader_must_transfer': 'clans.error.leaderMustTransfer',
  'clan.invite_only': 'clans.error.inviteOnly',
  'clan.invite_not_found': 'clans.error.inviteNotFound',
  'clan.invite_expired': 'clans.error.inviteExpired',
  'clan.invite_revoked': 'clans.error.inviteRevoked',
  'clan.request_not_found': 'clans.error.requestNotFound',
  'clan.request_exists': 'clans.error.requestExists',
  'channel.not_found': 'channels.error.notFound',
  'channel.forbidden': 'channels.error.forbidden',
  'channel.post_not_found': 'channels.error.postNotFound',
  'channel.post_locked': 'channels.error.postLocked',
  'channel.too_many_images': 'channels.error.tooManyImages',
  'channel.media_unsupported': 'channels.error.mediaUnsupported',
  'channel.media_too_large': 'channels.error.mediaTooLarge',
  'channel.subscription_paid': 'channels.error.subscriptionPaid',
  'channel.user_not_found': 'channels.error.userNotFound',
  'peeks.exhausted': 'channels.error.peeksExhausted',
  'auth.unauthenticated': 'clans.error.signedOut',
};

/** The message key for a problem code, or null when the generic mapping should decide. */
export function domainErrorKey(code: string | null | undefined): MessageKey | null {
  return code ? (DOMAIN_ERROR_KEYS[code] ?? null) : null;
}

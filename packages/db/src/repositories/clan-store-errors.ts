import { DomainError } from '@clantrader/core';
import { uniqueViolation } from './pg-errors';

/** Unique indexes whose violation is a user-facing outcome of a clan write. */
const UNIQUE_TO_DOMAIN: Record<string, () => DomainError> = {
  clans_name_lower_unique: () =>
    new DomainError('clan.name_taken', 'A clan with this name already exists', {
      fields: [{ path: 'name', message: 'A clan with this name already exists' }],
    }),
  clan_members_user_unique: () =>
    new DomainError('clan.already_in_clan', 'You are already in a clan. Leave it before joining or creating another.'),
  clan_join_requests_one_pending: () =>
    new DomainError('clan.request_exists', 'You already asked to join this clan; wait for an answer'),
};

/** Re-throws a clan unique violation as its DomainError and anything else unchanged. */
export function rethrowClanViolation(error: unknown): never {
  const constraint = uniqueViolation(error);
  const toDomain = constraint === null ? undefined : UNIQUE_TO_DOMAIN[constraint];
  throw toDomain ? toDomain() : error;
}

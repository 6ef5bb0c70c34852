import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { alreadyInClan, loadActor } from './load';
import type { Clan, CreateClanInput, UpdateClanInput } from './model';
import { assertCan } from './permissions';

/**
 * Creates a free clan with the creator as its leader (clan row and leader row are one
 * transaction, so a racing second create by the same user fails as `already_in_clan`).
 * @throws DomainError `clan.already_in_clan` | `clan.name_taken`
 */
export async function createClan(
  deps: Pick<ClanDeps, 'store' | 'clock' | 'ids'>,
  command: { userId: string; input: CreateClanInput },
): Promise<Clan> {
  if (await deps.store.clanOf(command.userId)) throw alreadyInClan();
  const { input } = command;
  const clan: Clan = {
    id: deps.ids.newId(),
    name: input.name,
    slug: slugify(input.name),
    description: input.description,
    avatarUrl: input.avatarUrl,
    tradingFocus: input.tradingFocus,
    privacy: input.privacy,
    plan: 'free',
    telegramUrl: input.telegramUrl,
    createdBy: command.userId,
    createdAt: deps.clock.now(),
    disbandedAt: null,
  };
  await deps.store.createClan(clan);
  return clan;
}

/**
 * Edits the clan's profile (leader or co-leader).
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.name_taken`
 */
export async function updateClan(
  deps: Pick<ClanDeps, 'store'>,
  command: { userId: string; clanId: string; patch: UpdateClanInput },
): Promise<Clan> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'edit_clan');
  const { patch } = command;
  const updated = await deps.store.updateClan(command.clanId, {
    ...patch,
    ...(patch.name === undefined ? {} : { slug: slugify(patch.name) }),
  });
  if (!updated) throw new DomainError('clan.not_found', 'No such clan');
  return updated;
}

/** Lowercase letters and digits (any script) joined by dashes: "Gold Diggers FX" -> "gold-diggers-fx". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function nameTaken(): DomainError {
  return new DomainError('clan.name_taken', 'A clan with this name already exists', {
    fields: [{ path: 'name', message: 'A clan with this name already exists' }],
  });
}

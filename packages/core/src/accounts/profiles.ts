import { DomainError } from '../shared/domain-error';
import { auditEntry } from './audit';
import { PUBLIC_PROFILE_TTL_SECONDS, type AccountDeps } from './deps';
import type { Me, Profile, ProfileUpdate, PublicProfile } from './model';
import { handleTaken } from './sign-up';

/**
 * The signed-in user's own account and profile.
 * @throws DomainError `auth.unauthenticated` when the user no longer exists
 */
export async function getMe(deps: Pick<AccountDeps, 'store'>, userId: string): Promise<Me> {
  const user = await deps.store.findUserById(userId);
  const profile = user ? await deps.store.findProfileByUserId(userId) : null;
  if (!user || !profile) throw new DomainError('auth.unauthenticated', 'Sign in again');
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    locale: user.locale,
    timezone: user.timezone,
    profile,
  };
}

/**
 * Applies a validated partial update to the user's profile (and locale/timezone, which
 * live on the user). An unchanged handle is not a conflict with itself.
 * @throws DomainError `profile.handle_taken`
 */
export async function updateProfile(deps: AccountDeps, userId: string, patch: ProfileUpdate): Promise<Me> {
  if (patch.handle) {
    const owner = await deps.store.findProfileByHandle(patch.handle);
    if (owner && owner.userId !== userId) throw handleTaken();
  }
  const audit = auditEntry(deps, {
    actorId: userId,
    action: 'profile.updated',
    subjectId: userId,
    data: { fields: Object.keys(patch) },
  });
  const cache = deps.cache;
  // The old handle is needed only to invalidate its cached public profile.
  const before = cache ? await deps.store.findProfileByUserId(userId) : null;
  await deps.store.updateProfile(userId, patch, deps.clock.now(), audit);
  if (cache) {
    for (const handle of [before?.handle, patch.handle]) {
      if (handle) await cache.delete(publicProfileKey(handle)).catch(() => undefined);
    }
  }
  return getMe(deps, userId);
}

/**
 * A profile as anyone may see it.
 * @throws DomainError `profile.not_found`
 */
export async function getPublicProfile(
  deps: Pick<AccountDeps, 'store' | 'cache'>,
  handle: string,
): Promise<PublicProfile> {
  const key = publicProfileKey(handle);
  const cached = await deps.cache?.get<PublicProfile>(key).catch(() => undefined);
  if (cached) return { ...cached, memberSince: new Date(cached.memberSince) };
  const found = await deps.store.findProfileByHandle(handle.toLowerCase());
  if (!found) throw new DomainError('profile.not_found', `No trader with the handle @${handle}`);
  const profile = toPublic(found);
  await deps.cache?.set(key, profile, PUBLIC_PROFILE_TTL_SECONDS).catch(() => undefined);
  return profile;
}

function publicProfileKey(handle: string): string {
  return `profile:${handle.toLowerCase()}`;
}

function toPublic(p: Profile & { memberSince: Date }): PublicProfile {
  return {
    handle: p.handle,
    displayName: p.displayName,
    bio: p.bio,
    avatarUrl: p.avatarUrl,
    tradingStyle: p.tradingStyle,
    preferredPairs: p.preferredPairs,
    sessionPreference: p.sessionPreference,
    memberSince: p.memberSince,
  };
}

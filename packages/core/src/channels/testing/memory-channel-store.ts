import type {
  Channel,
  ClanRole,
  PostImage,
  PostRecord,
  ReactionEmoji,
  ReactionSummary,
  SubscriberView,
  Subscription,
  TraderRef,
} from '../model';
import type { ChannelStore, FollowedChannel, PeekOutcome, TrendingCandidate, TimeZoneOffsets } from '../ports';

type Clan = { name: string; disbanded: boolean };

/** In-memory ChannelStore with the clan facts it reads; tests seed `clans` and `members`. */
export class MemoryChannelStore implements ChannelStore {
  readonly clans = new Map<string, Clan>();
  readonly members = new Map<string, { clanId: string; role: ClanRole }>();
  readonly users = new Set<string>();
  /** userId -> handle and display name, for grants by handle and the subscriber list. */
  readonly profiles = new Map<string, { handle: string; displayName: string }>();
  readonly posts = new Map<string, PostRecord>();
  readonly reactions = new Set<string>();
  readonly views = new Set<string>();
  readonly follows = new Map<string, Date>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly peeks = new Map<string, Set<string>>();
  readonly readMarkers = new Map<string, Date>();

  async findChannel(clanId: string): Promise<Channel | null> {
    const clan = this.clans.get(clanId);
    return clan && !clan.disbanded ? { clanId, name: clan.name } : null;
  }
  async findMembership(userId: string) {
    return this.members.get(userId) ?? null;
  }
  async userExists(userId: string) {
    return this.users.has(userId);
  }
  async findUserByHandle(handle: string): Promise<TraderRef | null> {
    const found = [...this.profiles].find(([, p]) => p.handle === handle);
    return found ? { userId: found[0], ...found[1] } : null;
  }
  async insertPost(post: PostRecord) {
    this.posts.set(post.id, clonePost(post));
  }
  async findPost(id: string) {
    const p = this.posts.get(id);
    return p ? clonePost(p) : null;
  }
  async updatePost(id: string, patch: Parameters<ChannelStore['updatePost']>[1]) {
    const p = this.posts.get(id);
    if (!p) return null;
    const { imageIds, ...fields } = patch;
    Object.assign(p, fields);
    if (imageIds) {
      p.images = imageIds.flatMap((imageId, position) => {
        const image = p.images.find((i) => i.id === imageId);
        return image ? [{ ...image, position }] : [];
      });
    }
    return clonePost(p);
  }
  async deletePost(id: string) {
    for (const key of [...this.reactions]) if (key.startsWith(`${id}|`)) this.reactions.delete(key);
    for (const set of this.peeks.values()) set.delete(id);
    return this.posts.delete(id);
  }
  async addImage(image: PostImage, max: number) {
    const p = this.posts.get(image.postId);
    if (!p || p.images.length >= max) return false;
    p.images.push({ ...image, position: p.images.length });
    return true;
  }
  async findImage(id: string) {
    for (const p of this.posts.values()) {
      const image = p.images.find((i) => i.id === id);
      if (image) return { ...image };
    }
    return null;
  }
  async listPosts(q: { clanId: string; cursor?: string; limit: number }) {
    return this.newestFirst((p) => p.clanId === q.clanId, q);
  }
  async listFeed(q: { userId: string; extraIds: string[]; cursor?: string; limit: number }) {
    const extra = new Set(q.extraIds);
    return this.newestFirst((p) => this.follows.has(`${p.clanId}|${q.userId}`) || extra.has(p.id), q);
  }
  async listTrendingCandidates(since: Date, limit: number): Promise<TrendingCandidate[]> {
    return [...this.posts.values()]
      .filter((p) => p.createdAt >= since && !this.clans.get(p.clanId)?.disbanded)
      .map((p) => ({
        postId: p.id,
        createdAt: p.createdAt,
        reactions: [...this.reactions].filter((k) => k.startsWith(`${p.id}|`)).length,
        views: p.viewCount,
      }))
      .slice(0, limit);
  }
  async channelNames(clanIds: string[]) {
    return new Map(clanIds.flatMap((id) => (this.clans.has(id) ? [[id, this.clans.get(id)?.name ?? '']] : [])));
  }
  async setReaction(r: { postId: string; userId: string; emoji: ReactionEmoji; on: boolean }) {
    const key = `${r.postId}|${r.userId}|${r.emoji}`;
    if (r.on) this.reactions.add(key);
    else this.reactions.delete(key);
  }
  async reactionSummaries(postIds: string[], viewerId: string | null) {
    const out = new Map<string, ReactionSummary>();
    for (const id of postIds) out.set(id, { counts: {}, mine: [] });
    for (const key of this.reactions) {
      const [postId, userId, emoji] = key.split('|') as [string, string, ReactionEmoji];
      const s = out.get(postId);
      if (!s) continue;
      s.counts[emoji] = (s.counts[emoji] ?? 0) + 1;
      if (userId === viewerId) s.mine.push(emoji);
    }
    return out;
  }
  async recordView(postId: string, viewerKey: string) {
    const p = this.posts.get(postId);
    const key = `${postId}|${viewerKey}`;
    const counted = !!p && !this.views.has(key);
    if (p && counted) {
      this.views.add(key);
      p.viewCount += 1;
    }
    return { counted, views: p?.viewCount ?? 0 };
  }
  async setFollow(f: { clanId: string; userId: string; on: boolean; at: Date }) {
    const key = `${f.clanId}|${f.userId}`;
    if (!f.on) this.follows.delete(key);
    else if (!this.follows.has(key)) this.follows.set(key, f.at);
  }
  async followedClanIds(userId: string, clanIds: string[]) {
    return new Set(clanIds.filter((c) => this.follows.has(`${c}|${userId}`)));
  }
  async counts(clanId: string, now: Date) {
    const followers = [...this.follows.keys()].filter((k) => k.startsWith(`${clanId}|`)).length;
    const subscribers = [...this.subscriptions.values()].filter((s) => s.clanId === clanId && active(s, now)).length;
    return { followers, subscribers };
  }
  async upsertSubscription(s: Subscription) {
    this.subscriptions.set(`${s.clanId}|${s.userId}`, { ...s });
  }
  async findSubscription(clanId: string, userId: string) {
    return this.subscriptions.get(`${clanId}|${userId}`) ?? null;
  }
  async deleteSubscription(clanId: string, userId: string) {
    return this.subscriptions.delete(`${clanId}|${userId}`);
  }
  async isSubscriber(clanId: string, userId: string, now: Date = new Date(0)) {
    const s = this.subscriptions.get(`${clanId}|${userId}`);
    return !!s && active(s, now);
  }
  async listSubscribers(q: { clanId: string; now: Date; after?: string; limit: number }): Promise<SubscriberView[]> {
    return [...this.subscriptions.values()]
      .filter((sub) => sub.clanId === q.clanId && active(sub, q.now))
      .map((sub) => {
        const p = this.profiles.get(sub.userId) ?? { handle: sub.userId, displayName: sub.userId };
        return { userId: sub.userId, ...p, source: sub.source, since: sub.createdAt, expiresAt: sub.expiresAt };
      })
      .filter((v) => !q.after || v.handle > q.after)
      .sort((a, b) => (a.handle < b.handle ? -1 : 1))
      .slice(0, q.limit);
  }
  async activeSubscriptionClanIds(userId: string, now: Date) {
    return new Set(
      [...this.subscriptions.values()].filter((s) => s.userId === userId && active(s, now)).map((s) => s.clanId),
    );
  }
  async recordPeek(p: { userId: string; postId: string; day: string; limit: number }): Promise<PeekOutcome> {
    const key = `${p.userId}|${p.day}`;
    const set = this.peeks.get(key) ?? new Set<string>();
    this.peeks.set(key, set);
    if (set.has(p.postId)) return { status: 'repeat', used: set.size };
    if (set.size >= p.limit) return { status: 'exhausted', used: set.size };
    set.add(p.postId);
    return { status: 'new', used: set.size };
  }
  async peekedPostIds(userId: string, day: string) {
    return new Set(this.peeks.get(`${userId}|${day}`));
  }
  async markRead(clanId: string, userId: string, at: Date) {
    this.readMarkers.set(`${clanId}|${userId}`, at);
  }
  async listFollowedChannels(userId: string, q: string | undefined): Promise<FollowedChannel[]> {
    const out: FollowedChannel[] = [];
    for (const key of this.follows.keys()) {
      const [clanId, follower] = key.split('|') as [string, string];
      const clan = this.clans.get(clanId);
      if (follower !== userId || !clan || clan.disbanded) continue;
      if (q && !clan.name.toLowerCase().includes(q.toLowerCase())) continue;
      const posts = [...this.posts.values()].filter((p) => p.clanId === clanId);
      const marker = this.readMarkers.get(key);
      const unread = posts.filter((p) => !marker || p.createdAt > marker).length;
      const lastPostAt = posts.reduce<Date | null>((m, p) => (!m || p.createdAt > m ? p.createdAt : m), null);
      out.push({ clanId, name: clan.name, unread, lastPostAt });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  private newestFirst(keep: (p: PostRecord) => boolean, q: { cursor?: string; limit: number }): PostRecord[] {
    return [...this.posts.values()]
      .filter((p) => keep(p) && !this.clans.get(p.clanId)?.disbanded && (!q.cursor || p.id < q.cursor))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, q.limit)
      .map((p) => clonePost(p));
  }
}

function clonePost(p: PostRecord): PostRecord {
  return {
    ...p,
    entities: p.entities.map((e) => ({ ...e })),
    charts: p.charts.map((c) => ({ ...c, points: c.points.map((pt) => ({ ...pt })) })),
    images: p.images.map((i) => ({ ...i })),
  };
}

function active(s: Subscription, now: Date): boolean {
  return s.expiresAt === null || s.expiresAt > now;
}

/** Fixed offsets per zone (no daylight saving): enough to test local-day rules. */
export class FixedOffsetZones implements TimeZoneOffsets {
  constructor(
    private readonly offsets: Record<string, number> = { UTC: 0, 'Asia/Tehran': 210, 'America/New_York': -300 },
  ) {}
  offsetMinutes(timeZone: string): number {
    return this.offsets[timeZone] ?? 0;
  }
}

import type { ChatMessage, RoomKey } from '../chat/model';
import type { ChatMessagePatch, ChatStore, RoomAccess, UnreadRoom } from '../chat/ports';
import type { RoomRole } from '../shared/ports';

const keyOf = (k: RoomKey) => `${k.party}/${k.room}`;

/**
 * ChatStore in memory with the database's rules: seq = newest + 1 per room, and a
 * (room, author, clientId) seen before returns the first message. Every call yields
 * `ticks` microtask turns first (a function of the call count when given one), so hub
 * tests can interleave frames the way real I/O does.
 */
export class MemoryChatStore implements ChatStore {
  readonly rooms = new Map<string, ChatMessage[]>();
  readonly markers = new Map<string, number>();
  handles = new Map<string, string>();
  /** Set to make the next calls fail like a database that went away. */
  failing = false;

  private calls = 0;

  constructor(private readonly ticks: number | ((call: number) => number) = 1) {}

  private async tick(): Promise<void> {
    this.calls += 1;
    const turns = typeof this.ticks === 'number' ? this.ticks : this.ticks(this.calls);
    for (let i = 0; i < turns; i++) await Promise.resolve();
    if (this.failing) throw new Error('database unavailable');
  }

  private messages(key: RoomKey): ChatMessage[] {
    const list = this.rooms.get(keyOf(key)) ?? [];
    this.rooms.set(keyOf(key), list);
    return list;
  }

  /** Per room, the last append: appends of one room take their seqs in call order (ChatStore.append). */
  private readonly appending = new Map<string, Promise<unknown>>();

  append(input: Parameters<ChatStore['append']>[0]) {
    const key = `${input.party}\n${input.room}`;
    const done = (this.appending.get(key) ?? Promise.resolve()).then(
      () => this.appendNow(input),
      () => this.appendNow(input),
    );
    this.appending.set(key, done);
    return done;
  }

  private async appendNow(input: Parameters<ChatStore['append']>[0]) {
    await this.tick();
    const list = this.messages(input);
    const existing = list.find((m) => m.authorId === input.authorId && m.clientId === input.clientId);
    if (existing) return { message: { ...existing }, created: false };
    const handle = this.handles.get(input.authorId);
    const message: ChatMessage = {
      id: input.id,
      seq: (list.at(-1)?.seq ?? 0) + 1,
      room: input.room,
      authorId: input.authorId,
      ...(handle ? { authorHandle: handle } : {}),
      clientId: input.clientId,
      text: input.text,
      createdAt: input.createdAt.toISOString(),
      editedAt: null,
      deletedAt: null,
      pinnedAt: null,
      pinnedBy: null,
      ...(input.ai ? { ai: input.ai } : {}),
    };
    list.push(message);
    return { message: { ...message }, created: true };
  }

  async find(input: RoomKey & { messageId: string }) {
    await this.tick();
    const found = this.messages(input).find((m) => m.id === input.messageId);
    return found ? { ...found } : null;
  }

  async update(input: RoomKey & { messageId: string; patch: ChatMessagePatch }) {
    await this.tick();
    const found = this.messages(input).find((m) => m.id === input.messageId);
    if (!found) return null;
    const { text, editedAt, deletedAt, pinnedAt, pinnedBy } = input.patch;
    if (text !== undefined) found.text = text;
    if (editedAt) found.editedAt = editedAt.toISOString();
    if (deletedAt) found.deletedAt = deletedAt.toISOString();
    if (pinnedAt !== undefined) found.pinnedAt = pinnedAt?.toISOString() ?? null;
    if (pinnedBy !== undefined) found.pinnedBy = pinnedBy;
    return { ...found };
  }

  async listAfter(input: RoomKey & { afterSeq: number; limit: number }) {
    await this.tick();
    return this.messages(input)
      .filter((m) => m.seq > input.afterSeq)
      .slice(0, input.limit)
      .map((m) => ({ ...m }));
  }

  async listBefore(input: RoomKey & { beforeSeq: number | null; limit: number }) {
    await this.tick();
    const before = input.beforeSeq;
    const older = this.messages(input).filter((m) => before === null || m.seq < before);
    return older.slice(Math.max(0, older.length - input.limit)).map((m) => ({ ...m }));
  }

  async lastSeq(key: RoomKey) {
    await this.tick();
    return this.messages(key).at(-1)?.seq ?? 0;
  }

  async pins(key: RoomKey) {
    await this.tick();
    return this.messages(key)
      .filter((m) => m.pinnedAt !== null)
      .sort((a, b) => (a.pinnedAt ?? '').localeCompare(b.pinnedAt ?? '') || a.seq - b.seq)
      .map((m) => ({ ...m }));
  }

  async readMarker(input: RoomKey & { userId: string }) {
    await this.tick();
    return this.markers.get(`${keyOf(input)}/${input.userId}`) ?? 0;
  }

  async setReadMarker(input: RoomKey & { userId: string; seq: number }) {
    await this.tick();
    const key = `${keyOf(input)}/${input.userId}`;
    const stored = Math.max(this.markers.get(key) ?? 0, input.seq);
    this.markers.set(key, stored);
    return stored;
  }

  /** Every message of a room, for assertions. */
  all(key: RoomKey): ChatMessage[] {
    return this.messages(key).map((m) => ({ ...m }));
  }
}

/** Room access from a table of roles set by the test; unread counts come from a MemoryChatStore. */
export class MemoryRoomAccess implements RoomAccess {
  readonly roles = new Map<string, RoomRole>();
  readonly titles = new Map<string, string>();

  constructor(private readonly store: MemoryChatStore) {}

  grant(input: RoomKey & { userId: string; role: RoomRole | null }): void {
    const key = `${keyOf(input)}/${input.userId}`;
    if (input.role) this.roles.set(key, input.role);
    else this.roles.delete(key);
  }

  async roleIn(input: RoomKey & { userId: string }) {
    return this.roles.get(`${keyOf(input)}/${input.userId}`) ?? null;
  }

  async unreadRooms(userId: string): Promise<UnreadRoom[]> {
    const rooms: UnreadRoom[] = [];
    for (const [key, role] of this.roles) {
      const [party = '', room = '', user] = key.split('/');
      if (user !== userId) continue;
      const readSeq = await this.store.readMarker({ party, room, userId });
      const messages = this.store.all({ party, room });
      const unread = messages.filter((m) => m.seq > readSeq && m.authorId !== userId && !m.deletedAt).length;
      const last = messages.filter((m) => !m.deletedAt).at(-1);
      rooms.push({
        party,
        room,
        role,
        title: this.titles.get(room) ?? room,
        unread,
        readSeq,
        lastMessage: last
          ? {
              id: last.id,
              seq: last.seq,
              authorId: last.authorId,
              text: last.text,
              createdAt: last.createdAt,
              ...(last.authorHandle ? { authorHandle: last.authorHandle } : {}),
            }
          : null,
      });
    }
    return rooms;
  }
}

/** Chat read deps over in-memory fakes, with the fakes exposed for set-up. */
export function fakeChatDeps() {
  const store = new MemoryChatStore();
  const access = new MemoryRoomAccess(store);
  return { deps: { store, access }, store, access };
}

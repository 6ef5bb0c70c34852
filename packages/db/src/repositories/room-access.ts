import type { RoomAccess, RoomRole, UnreadRoom } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from './season-sql';

type UnreadRow = {
  party: string;
  room: string;
  role: RoomRole;
  title: string;
  read_seq: number;
  unread: number;
  last_id: string | null;
  last_seq: number | null;
  last_author_id: string | null;
  last_handle: string | null;
  last_text: string | null;
  last_created_at: Date | string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may enter the chat rooms, read from the clan and channel tables (owned by the clan
 * and channel modules): the clan role in the `clan` room of a clan that is not disbanded;
 * in its `subs` room the clan role, else `subscriber` while a channel subscription is
 * active (no expiry, or expiring in the future).
 */
export function createRoomAccess(db: Database): RoomAccess {
  return {
    async roleIn({ party, room, userId }) {
      if (!UUID.test(room) || !UUID.test(userId) || (party !== 'clan' && party !== 'subs')) return null;
      const rows = rowsOf<{ role: RoomRole }>(
        await db.execute(sql`
          select cm.role from clan_members cm join clans c on c.id = cm.clan_id
          where cm.clan_id = ${room} and cm.user_id = ${userId} and c.disbanded_at is null
          union all
          select 'subscriber' from channel_subscriptions s join clans c on c.id = s.clan_id
          where ${party} = 'subs' and s.clan_id = ${room} and s.user_id = ${userId} and c.disbanded_at is null
            and (s.expires_at is null or s.expires_at > now())
          limit 1`),
      );
      return rows[0]?.role ?? null;
    },

    async unreadRooms(userId) {
      if (!UUID.test(userId)) return [];
      const rows = rowsOf<UnreadRow>(
        await db.execute(sql`
          with rooms as (
            select 'clan'::text as party, c.id::text as room, cm.role, c.name as title
            from clan_members cm join clans c on c.id = cm.clan_id
            where cm.user_id = ${userId} and c.disbanded_at is null
            union all
            select 'subs'::text, c.id::text, coalesce(cm.role, 'subscriber'), c.name
            from clans c
            left join clan_members cm on cm.clan_id = c.id and cm.user_id = ${userId}
            left join channel_subscriptions s on s.clan_id = c.id and s.user_id = ${userId}
              and (s.expires_at is null or s.expires_at > now())
            where c.disbanded_at is null and (cm.user_id is not null or s.user_id is not null)
          )
          select r.party, r.room, r.role, r.title, coalesce(mk.seq, 0) as read_seq,
            (select count(*)::int from chat_messages x
              where x.party = r.party and x.room = r.room and x.seq > coalesce(mk.seq, 0)
                and x.author_id <> ${userId} and x.deleted_at is null) as unread,
            l.id as last_id, l.seq as last_seq, l.author_id as last_author_id, l.handle as last_handle,
            l.text as last_text, l.created_at as last_created_at
          from rooms r
          left join chat_read_markers mk on mk.user_id = ${userId} and mk.party = r.party and mk.room = r.room
          left join lateral (
            select x.id, x.seq, x.author_id, p.handle, x.text, x.created_at
            from chat_messages x left join profiles p on p.user_id = x.author_id
            where x.party = r.party and x.room = r.room and x.deleted_at is null
            order by x.seq desc limit 1
          ) l on true
          order by l.seq is null, l.created_at desc, r.title, r.party`),
      );
      return rows.map(toUnreadRoom);
    },
  };
}

function toUnreadRoom(r: UnreadRow): UnreadRoom {
  const last =
    r.last_id === null || r.last_seq === null || r.last_author_id === null || r.last_created_at === null
      ? null
      : {
          id: r.last_id,
          seq: Number(r.last_seq),
          authorId: r.last_author_id,
          ...(r.last_handle ? { authorHandle: r.last_handle } : {}),
          text: r.last_text ?? '',
          createdAt: new Date(r.last_created_at).toISOString(),
        };
  return {
    party: r.party,
    room: r.room,
    role: r.role,
    title: r.title,
    unread: Number(r.unread),
    readSeq: Number(r.read_seq),
    lastMessage: last,
  };
}

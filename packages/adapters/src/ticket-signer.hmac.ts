import { ROOM_ROLES, type Clock, type RoomTicketClaims, type RoomTicketSigner } from '@clantrader/core';
import { z } from 'zod';
import { decodeBase64Url, encodeBase64Url } from './encoding';

const TicketPayloadSchema = z.strictObject({
  u: z.string().min(1).max(200),
  r: z.string().min(1).max(200),
  p: z.string().min(1).max(40).optional(),
  ro: z.enum(ROOM_ROLES).optional(),
  exp: z.number().int().positive(),
});

/**
 * Room tickets as `<payload>.<signature>`: the payload is base64url JSON `{u, r, p?, ro?,
 * exp}` (user, room, party, role, expiry in Unix seconds; lobby tickets carry no party
 * or role), the signature base64url HMAC-SHA256 over the
 * payload text. Stateless, so the room server in either home verifies with the shared
 * secret alone; verification uses `crypto.subtle.verify`, which compares in constant time.
 */
export function createHmacTicketSigner(secret: string, clock: Clock, ttlSeconds = 60): RoomTicketSigner {
  if (secret.length < 32) throw new RangeError('Ticket secret must be at least 32 characters');
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    async issue(claims: RoomTicketClaims) {
      const exp = Math.floor(clock.now().getTime() / 1000) + ttlSeconds;
      const payload = encodeBase64Url(
        new TextEncoder().encode(
          JSON.stringify({ u: claims.userId, r: claims.room, p: claims.party, ro: claims.role, exp }),
        ),
      );
      const signature = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(payload));
      return { ticket: `${payload}.${encodeBase64Url(new Uint8Array(signature))}`, expiresAt: new Date(exp * 1000) };
    },
    async verify(ticket: string) {
      const [payload, signature, ...rest] = ticket.split('.');
      if (!payload || !signature || rest.length > 0) return null;
      try {
        const ok = await crypto.subtle.verify(
          'HMAC',
          await key,
          decodeBase64Url(signature),
          new TextEncoder().encode(payload),
        );
        if (!ok) return null;
        const claims = TicketPayloadSchema.safeParse(JSON.parse(new TextDecoder().decode(decodeBase64Url(payload))));
        if (!claims.success || claims.data.exp * 1000 <= clock.now().getTime()) return null;
        const { u, r, p, ro } = claims.data;
        return {
          userId: u,
          room: r,
          ...(p === undefined ? {} : { party: p }),
          ...(ro === undefined ? {} : { role: ro }),
        };
      } catch {
        return null;
      }
    },
  };
}

import type { Clock, RoomTicketClaims, RoomTicketSigner } from '../shared/ports';

/**
 * Readable room tickets that only this instance accepts (anything else counts as
 * forged) and that expire on the injected clock, so tests can move time past them.
 */
export class FakeTicketSigner implements RoomTicketSigner {
  private readonly issued = new Map<string, RoomTicketClaims & { expiresAt: Date }>();
  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds = 60,
  ) {}
  async issue(claims: RoomTicketClaims) {
    const expiresAt = new Date(this.clock.now().getTime() + this.ttlSeconds * 1000);
    const ticket = `ticket:${claims.userId}:${claims.party ?? 'lobby'}:${claims.room}:${this.issued.size + 1}`;
    this.issued.set(ticket, { ...claims, expiresAt });
    return { ticket, expiresAt };
  }
  async verify(ticket: string) {
    const t = this.issued.get(ticket);
    if (!t || t.expiresAt <= this.clock.now()) return null;
    const { expiresAt: _expiresAt, ...claims } = t;
    return claims;
  }
}

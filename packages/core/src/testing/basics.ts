import type { MailMessage, Mailer } from '../mail/ports';
import type { Clock, IdGenerator, PasswordHasher, RateLimiter, TokenVault } from '../shared/ports';

/** A clock that stands still until told to move. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-01-15T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
}

/** Ids that sort in creation order, like UUIDv7, and are readable in test output. */
export class SequentialIds implements IdGenerator {
  private n = 0;
  newId(): string {
    this.n += 1;
    return `00000000-0000-7000-8000-${String(this.n).padStart(12, '0')}`;
  }
}

/** Distinct predictable tokens; the "hash" is reversible only to make tests readable. */
export class FakeTokenVault implements TokenVault {
  private n = 0;
  newToken(): string {
    this.n += 1;
    return `token-${String(this.n).padStart(24, '0')}`;
  }
  async hashToken(token: string): Promise<string> {
    return `h:${token}`;
  }
}

/** Not slow and not secure: lets core tests run thousands of log-ins quickly. */
export class FakePasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return `fake$${password}`;
  }
  async verify(password: string, stored: string): Promise<boolean> {
    return stored === `fake$${password}`;
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  failNext = false;
  async send(message: MailMessage): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('mail server unavailable');
    }
    this.sent.push(message);
  }
  /** The first URL in the last message to `to`. */
  lastLinkTo(to: string): string | null {
    const msg = [...this.sent].reverse().find((m) => m.to === to);
    return msg?.text.match(/https?:\/\/\S+/)?.[0] ?? null;
  }
}

export class MemoryRateLimiter implements RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private clock: Clock) {}
  async hit(key: string, limit: number, windowSeconds: number) {
    const now = this.clock.now().getTime();
    const w = this.windows.get(key);
    const current = w && now - w.start < windowSeconds * 1000 ? w : { start: now, count: 0 };
    current.count += 1;
    this.windows.set(key, current);
    const retryAfterSeconds = Math.ceil((current.start + windowSeconds * 1000 - now) / 1000);
    return { allowed: current.count <= limit, retryAfterSeconds };
  }
}

/** The `token` query parameter of a link from a mail (core has no URL global). */
export function tokenFromLink(link: string | null): string {
  const m = link?.match(/[?&]token=([^&\s]+)/);
  if (!m?.[1]) throw new Error(`no token in ${String(link)}`);
  return decodeURIComponent(m[1]);
}

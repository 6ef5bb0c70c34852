import type { Clock, IdGenerator, Mailer } from '@clantrader/core';
import { desc } from 'drizzle-orm';
import type { Database } from '../database';
import { devOutbox } from '../schema/index';

export type OutboxMessage = typeof devOutbox.$inferSelect;

/**
 * The Mailer port for development: "sending" stores the message in `dev_outbox`, where the
 * dev outbox page shows it, so a local sign-up can be verified without a mail server.
 */
export function createOutboxMailer(db: Database, deps: { ids: IdGenerator; clock: Clock }): Mailer {
  return {
    async send(message) {
      await db.insert(devOutbox).values({
        id: deps.ids.newId(),
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        createdAt: deps.clock.now(),
      });
    },
  };
}

/** The newest `limit` outbox messages, newest first (ties broken by the time-ordered id). */
export async function listOutbox(db: Database, limit = 50): Promise<OutboxMessage[]> {
  return db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt), desc(devOutbox.id)).limit(limit);
}

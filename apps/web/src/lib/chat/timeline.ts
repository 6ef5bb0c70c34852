import type { ChatMessage } from '@clantrader/core';

/**
 * Pure list operations of the chat timeline. Stored messages are kept ascending by seq with
 * one entry per seq, whatever order and however often the server's frames deliver them
 * (live broadcast, ack, sync after reconnect, history pages): the newest arrival wins.
 */

/** Merges `incoming` into `existing` (both any order): unique by seq, ascending. */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const m of existing) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Replaces the message with the same id; a message we never loaded stays unloaded. */
export function replaceMessage(messages: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const index = messages.findIndex((m) => m.id === message.id);
  if (index < 0) return messages as ChatMessage[];
  const next = messages.slice();
  next[index] = message;
  return next;
}

/** The newest stored seq we hold (0 when none): what `hello{since}` asks after. */
export function newestSeq(messages: readonly ChatMessage[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** The oldest stored seq we hold: where the next `history{before}` page ends. */
export function oldestSeq(messages: readonly ChatMessage[]): number | undefined {
  return messages[0]?.seq;
}

/** Pinned messages oldest pin first, after an update to one message (pin, unpin, edit or delete). */
export function updatePins(pins: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const rest = pins.filter((p) => p.id !== message.id);
  if (!message.pinnedAt || message.deletedAt) return rest;
  return [...rest, message].sort((a, b) => (a.pinnedAt ?? '').localeCompare(b.pinnedAt ?? '') || a.seq - b.seq);
}

/** A message typed here that the server has not acknowledged yet. */
export type PendingMessage = {
  clientId: string;
  text: string;
  /** Local time of typing, ISO; for display only. */
  createdAt: string;
  state: 'sending' | 'failed';
  /** The error frame's code when the server refused it. */
  error?: string;
};

/**
 * Drops pending entries the server already stored: acked, or seen among stored messages of
 * this user (an ack lost with a dropped socket comes back as a synced message instead).
 */
export function settlePending(
  pending: readonly PendingMessage[],
  stored: readonly ChatMessage[],
  me: string | null,
): PendingMessage[] {
  if (pending.length === 0 || !me) return pending as PendingMessage[];
  const mine = new Set(stored.filter((m) => m.authorId === me).map((m) => m.clientId));
  const left = pending.filter((p) => !mine.has(p.clientId));
  return left.length === pending.length ? (pending as PendingMessage[]) : left;
}

/** How many stored messages after `readSeq` come from others (not deleted): the unread count. */
export function countUnread(messages: readonly ChatMessage[], readSeq: number, me: string | null): number {
  let n = 0;
  for (const m of messages) if (m.seq > readSeq && m.authorId !== me && !m.deletedAt) n++;
  return n;
}

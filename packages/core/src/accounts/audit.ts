import type { Clock, IdGenerator } from '../shared/ports';
import type { AuditEntry } from './model';

/** Builds an audit row; the store writes it in the same transaction as the change it records. */
export function auditEntry(
  deps: { clock: Clock; ids: IdGenerator },
  e: { actorId: string | null; action: string; subjectId?: string | null; data?: Record<string, unknown> },
): AuditEntry {
  return {
    id: deps.ids.newId(),
    actorId: e.actorId,
    action: e.action,
    subjectId: e.subjectId ?? null,
    data: e.data ?? {},
    createdAt: deps.clock.now(),
  };
}

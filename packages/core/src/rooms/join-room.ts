import type { Admission } from './admit-connection';
import type { RoomOutput } from './room-output';
import type { RoomRegistry } from './room-registry';
import { errorFrame } from './protocol';

/**
 * Lets an admitted connection in: it gets a `welcome` with who is present, and the
 * others hear `presence joined` unless the user was already there in another tab.
 * A refused admission becomes an error frame followed by its close code.
 */
export function joinRoom(
  registry: RoomRegistry,
  input: { connectionId: string; admission: Admission; now: Date },
): RoomOutput[] {
  const { connectionId, admission } = input;
  if (!admission.ok) {
    return [
      { kind: 'send', connectionId, frame: errorFrame(admission.code, admission.message) },
      { kind: 'close', connectionId, code: admission.closeCode, reason: admission.code },
    ];
  }
  const { room, userId } = admission;
  const { firstForUser } = registry.join({ room, connectionId, userId, now: input.now.getTime() });
  const outputs: RoomOutput[] = [
    { kind: 'send', connectionId, frame: { type: 'welcome', room, userId, present: registry.presentIn(room) } },
  ];
  if (firstForUser) {
    outputs.push({
      kind: 'broadcast',
      room,
      except: connectionId,
      frame: { type: 'presence', userId, state: 'joined' },
    });
  }
  return outputs;
}

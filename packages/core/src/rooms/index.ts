export * from './protocol';
export { admitConnection, type Admission } from './admit-connection';
export { joinRoom } from './join-room';
export { leaveRoom } from './leave-room';
export { handleFrame, type FrameData } from './handle-frame';
export { RoomRegistry, type RoomMember } from './room-registry';
export { DEFAULT_ROOM_LIMITS, type RoomLimits } from './room-limits';
export type { RoomOutput } from './room-output';
export { createRoomHub, deliverOutputs, type RoomHub, type RoomHubDeps, type RoomSink } from './room-hub';

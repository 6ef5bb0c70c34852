export { attachRoomServer, matchPartyPath, type RoomServer, type RoomServerDeps } from './attach-room-server';
export { createLocalRoomControl } from './room-control';

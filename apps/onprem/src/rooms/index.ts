export { attachRoomServer, matchPartyPath, type RoomServer, type RoomServerDeps } from './attach-room-server';

export * from './protocol';
export * from './model';
export type { ChatStore, ChatMessagePatch, RoomAccess, UnreadRoom, ClanAssistant, AssistantReply } from './ports';
export {
  AI_AUTHOR_ID,
  AI_MENTION_PARTY,
  AI_NOTICES,
  DEFAULT_AI_MENTION_LIMITS,
  createClanAssistant,
  mentionsAi,
  questionOf,
  type AiMentionLimits,
  type ClanAssistantDeps,
} from './ai-mention';
export { parseMessageText, type TextToken } from './format';
export { ChatTimeline, type PendingMessage } from './chat-timeline';
export { admitConnection, type Admission } from './admit-connection';
export { createRoomHub, type FrameData, type RoomHub, type RoomHubDeps } from './chat-hub';
export { RoomRegistry, type RoomMember } from './room-registry';
export { DEFAULT_ROOM_LIMITS, type RoomLimits } from './room-limits';
export type { RoomSink } from './room-output';
export { checkText } from './chat-actions';
export { readRoomHistory, listUnreadRooms, type ChatReadDeps } from './read-room';

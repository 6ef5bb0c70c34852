export { MemorySeasonStore } from './memory-season-store';

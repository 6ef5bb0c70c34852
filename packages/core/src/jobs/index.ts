export { purgeExpiredTokens } from './purge-expired-tokens';

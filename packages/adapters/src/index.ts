export { createPbkdf2Hasher, DEFAULT_PBKDF2_ITERATIONS, MAX_ITERATIONS_PER_CALL } from './password-hasher.pbkdf2';
export { createTokenVault } from './token-vault.webcrypto';
export { createUuidV7 } from './ids.uuid-v7';
export { systemClock } from './clock.system';
export { createHmacTicketSigner } from './ticket-signer.hmac';
export { createHttpMailer, type HttpMailerOptions } from './mailer.http';
export { createContentHasher } from './content-hasher.webcrypto';
export { createMemoryCache } from './cache.memory';
export { createIntlTimeZoneOffsets } from './time-zones.intl';

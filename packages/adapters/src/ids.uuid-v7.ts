import type { Clock, IdGenerator } from '@clantrader/core';
import { encodeHex, randomBytes } from './encoding';
import { systemClock } from './clock.system';

const COUNTER_MAX = 0xfff;

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, a 12-bit counter in `rand_a`, the
 * variant bits and 62 random bits. The counter starts at a random value below 2048 each
 * millisecond and increments for ids made in the same millisecond (RFC 9562 §6.2, method
 * 1), so ids from one generator sort strictly in creation order. If the clock steps back
 * or the counter overflows, the generator keeps using its last timestamp (+1 ms on
 * overflow) rather than going backwards.
 */
export function createUuidV7(clock: Clock = systemClock): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return {
    newId() {
      const now = clock.now().getTime();
      if (now > lastMs) {
        lastMs = now;
        const seed = randomBytes(2);
        counter = (((seed[0] ?? 0) << 8) | (seed[1] ?? 0)) & 0x7ff;
      } else if (counter < COUNTER_MAX) {
        counter += 1;
      } else {
        lastMs += 1;
        counter = 0;
      }
      return formatUuidV7(lastMs, counter, randomBytes(8));
    },
  };
}

function formatUuidV7(ms: number, counter: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes.set(random, 8);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = encodeHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

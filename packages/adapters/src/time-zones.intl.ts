import type { channels } from '@clantrader/core';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * UTC offsets of IANA zones from the runtime's Intl data (Node and workerd both ship
 * full ICU). The wall-clock reading of the instant in the zone, minus the instant, is the
 * offset. Unknown zones answer 0, i.e. UTC.
 */
export function createIntlTimeZoneOffsets(): channels.TimeZoneOffsets {
  return {
    offsetMinutes(timeZone, at) {
      const format = formatterFor(timeZone);
      if (!format) return 0;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const wall = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        (parts.hour ?? 0) % 24,
        parts.minute ?? 0,
        parts.second ?? 0,
      );
      const instant = Math.floor(at.getTime() / 1000) * 1000;
      return Math.round((wall - instant) / 60_000);
    },
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) formatters.set(timeZone, makeFormatter(timeZone));
  return formatters.get(timeZone) ?? null;
}

function makeFormatter(timeZone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
}

import { channels } from '@clantrader/core';
import { describe, expect, it } from 'vitest';
import { createIntlTimeZoneOffsets } from './time-zones.intl';

const zones = createIntlTimeZoneOffsets();

describe('createIntlTimeZoneOffsets', () => {
  it.each([
    ['UTC', '2026-01-15T10:00:00Z', 0],
    ['Asia/Tehran', '2026-01-15T10:00:00Z', 210],
    ['Asia/Kolkata', '2026-07-01T00:00:00Z', 330],
    ['America/New_York', '2026-01-15T10:00:00Z', -300],
    ['America/New_York', '2026-07-15T10:00:00Z', -240],
    ['Not/AZone', '2026-01-15T10:00:00Z', 0],
  ])('%s at %s is %i minutes from UTC', (tz, at, offset) => {
    expect(zones.offsetMinutes(tz, new Date(at))).toBe(offset);
  });

  it('puts the end of the local day at local midnight across the spring-forward change', () => {
    // New York moves to daylight time at 2026-03-08 02:00 local (07:00 UTC).
    expect(channels.localDayOf(zones, 'America/New_York', new Date('2026-03-08T04:59:00Z'))).toEqual({
      day: '2026-03-07',
      resetsAt: new Date('2026-03-08T05:00:00Z'),
    });
    expect(channels.localDayOf(zones, 'America/New_York', new Date('2026-03-08T12:00:00Z'))).toEqual({
      day: '2026-03-08',
      resetsAt: new Date('2026-03-09T04:00:00Z'),
    });
  });
});

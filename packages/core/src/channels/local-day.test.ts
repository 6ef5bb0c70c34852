import { describe, expect, it } from 'vitest';
import { FixedOffsetZones } from '../testing';
import { localDayOf } from './local-day';
import type { TimeZoneOffsets } from './ports';

const zones = new FixedOffsetZones();

describe('localDayOf', () => {
  it('gives the UTC day and the next UTC midnight for UTC', () => {
    expect(localDayOf(zones, 'UTC', new Date('2026-03-10T23:59:00Z'))).toEqual({
      day: '2026-03-10',
      resetsAt: new Date('2026-03-11T00:00:00Z'),
    });
  });

  it('is already tomorrow in Tehran (+03:30) late in the UTC evening', () => {
    expect(localDayOf(zones, 'Asia/Tehran', new Date('2026-03-10T21:00:00Z'))).toEqual({
      day: '2026-03-11',
      resetsAt: new Date('2026-03-11T20:30:00Z'),
    });
  });

  it('is still yesterday in New York (-05:00) early in the UTC morning', () => {
    expect(localDayOf(zones, 'America/New_York', new Date('2026-03-10T03:00:00Z'))).toEqual({
      day: '2026-03-09',
      resetsAt: new Date('2026-03-10T05:00:00Z'),
    });
  });

  it('takes the offset at the next midnight across a daylight-saving change', () => {
    // A zone at -05:00 that moves to -04:00 from 2026-03-08T07:00Z on.
    const dst: TimeZoneOffsets = {
      offsetMinutes: (_tz, at) => (at.getTime() >= Date.parse('2026-03-08T07:00:00Z') ? -240 : -300),
    };
    expect(localDayOf(dst, 'X', new Date('2026-03-08T12:00:00Z'))).toEqual({
      day: '2026-03-08',
      resetsAt: new Date('2026-03-09T04:00:00Z'),
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  countAtOrBefore,
  dayEnds,
  daySpan,
  daysBetween,
  instant,
  instantOf,
  isAtOrAfter,
  localDateSchema,
  localDayOf,
  offsetAt,
  quarterLabel,
  quarterOf,
  quarterSpan,
  startOfDay,
  timeZoneSchema,
} from './calendar';

const CPH = 'Europe/Copenhagen';
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('days in Copenhagen', () => {
  it('a winter day runs from 23:00 UTC the evening before, 24 hours', () => {
    const span = daySpan('2026-11-24', '2026-11-24', CPH);
    expect(iso(span.startMs)).toBe('2026-11-23T23:00:00.000Z');
    expect(iso(span.endMs)).toBe('2026-11-24T23:00:00.000Z');
    expect(span.days).toBe(1);
  });

  it('a summer day starts at 22:00 UTC', () => {
    expect(iso(startOfDay('2026-07-01', CPH))).toBe('2026-06-30T22:00:00.000Z');
    expect(offsetAt(Date.parse('2026-07-01T12:00:00Z'), CPH)).toBe(2 * HOUR);
    expect(offsetAt(Date.parse('2026-01-01T12:00:00Z'), CPH)).toBe(1 * HOUR);
  });

  it('the spring DST day (29 March 2026) has 23 hours', () => {
    const span = daySpan('2026-03-29', '2026-03-29', CPH);
    // Starts at CET midnight (23:00 UTC), ends at CEST midnight (22:00 UTC): 23 h.
    expect(iso(span.startMs)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(span.endMs)).toBe('2026-03-29T22:00:00.000Z');
    expect(span.endMs - span.startMs).toBe(23 * HOUR);
  });

  it('the autumn DST day (25 October 2026) has 25 hours', () => {
    const span = daySpan('2026-10-25', '2026-10-25', CPH);
    expect(iso(span.startMs)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(span.endMs)).toBe('2026-10-25T23:00:00.000Z');
    expect(span.endMs - span.startMs).toBe(25 * HOUR);
  });

  it('puts an instant on its local day, either side of midnight and of the DST jumps', () => {
    expect(localDayOf('2026-11-23T22:59:59.999Z', CPH)).toBe('2026-11-23');
    expect(localDayOf('2026-11-23T23:00:00.000Z', CPH)).toBe('2026-11-24');
    // 00:30 CEST on 30 March is 22:30 UTC on the 29th.
    expect(localDayOf('2026-03-29T22:30:00Z', CPH)).toBe('2026-03-30');
    // 23:30 CET on 25 October (after the clocks went back) is 22:30 UTC.
    expect(localDayOf('2026-10-25T22:30:00Z', CPH)).toBe('2026-10-25');
    // An offset timestamp is the same instant as its UTC form.
    expect(localDayOf('2026-11-24T00:30:00+01:00', CPH)).toBe('2026-11-24');
  });

  it('finds the start of a day in a zone that skips its midnight (Santiago, 6 September 2026)', () => {
    // Chile moves 00:00 → 01:00 on the first Sunday of September: the day begins at 01:00 -03 = 04:00 UTC.
    const start = startOfDay('2026-09-06', 'America/Santiago');
    expect(iso(start)).toBe('2026-09-06T04:00:00.000Z');
    expect(localDayOf(start - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('lists day ends across a DST change', () => {
    const ends = dayEnds('2026-03-28', 3, CPH).map(iso);
    expect(ends).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z']);
  });
});

describe('local days from remembered offsets', () => {
  // Oracles of their own: Intl's day of an instant (en-CA: YYYY-MM-DD) and its offset ("GMT+05:45").
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (timeZone: string, options: Intl.DateTimeFormatOptions) => {
    const id = `${timeZone} ${JSON.stringify(options)}`;
    const found = formats.get(id) ?? new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    formats.set(id, found);
    return found;
  };
  const dayOf = (ms: number, timeZone: string) => format(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const offsetOf = (ms: number, timeZone: string) => format(timeZone, { timeZoneName: 'longOffset' }).formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value;
  // Changes at 02:00 (Copenhagen), at midnight (Santiago, Havana), at 00:01 local and by half hours
  // (St John's until 2011: its autumn change puts 02:31 UTC back on the day before), by 30 minutes
  // (Lord Howe), a skipped day (Apia, December 2011), +5:45 from 1986 (Kathmandu), local mean time.
  const zones = ['Europe/Copenhagen', 'America/Santiago', 'America/Havana', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Kathmandu'];
  const HOUR = 3_600_000;

  it('puts every instant on the day Intl gives, minute by minute around every change of offset', () => {
    for (const timeZone of zones) {
      const instants: number[] = [];
      for (const year of [1890, 1985, 2010, 2011, 2026]) {
        for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 24 * HOUR) {
          // Anywhere: one instant in five hours. Around a change: every minute of the hours either side, and the seconds about it.
          for (let ms = day + 1_234_567; ms < day + 24 * HOUR; ms += 5 * HOUR) instants.push(ms);
          if (offsetOf(day, timeZone) === offsetOf(day + 24 * HOUR, timeZone)) continue;
          for (let hour = day; hour < day + 24 * HOUR; hour += HOUR) {
            if (offsetOf(hour, timeZone) === offsetOf(hour + HOUR, timeZone)) continue;
            for (let ms = hour - HOUR; ms < hour + 2 * HOUR; ms += 60_000) instants.push(ms - 1, ms, ms + 999);
          }
        }
      }
      const wrong = instants.filter((ms) => localDayOf(ms, timeZone) !== dayOf(ms, timeZone));
      expect(wrong.map((ms) => new Date(ms).toISOString()), timeZone).toEqual([]);
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days over month, year and leap day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts calendar days, not 24-hour periods, across DST', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-09-02', '2026-11-24')).toBe(83); // 28 (rest of Sep) + 31 + 24
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4);
  });

  it('validates days and time zones', () => {
    expect(localDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(localDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(localDateSchema.safeParse('24-11-2026').success).toBe(false);
    expect(timeZoneSchema.safeParse('Europe/Copenhagen').success).toBe(true);
    expect(timeZoneSchema.safeParse('Europe/Aarhus').success).toBe(false);
  });
});

describe('quarters', () => {
  it('knows each quarter and its length', () => {
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe('2026-Q3');
    const lengths = [1, 2, 3, 4].map((quarter) => quarterSpan({ year: 2026, quarter }, CPH).days);
    expect(lengths).toEqual([90, 91, 92, 92]); // 31+28+31, 30+31+30, 31+31+30, 31+30+31
    expect(quarterSpan({ year: 2028, quarter: 1 }, CPH).days).toBe(91); // leap year
  });

  it('bounds Q1 2026 from CET midnight on 1 January to CEST midnight on 1 April', () => {
    const q1 = quarterSpan({ year: 2026, quarter: 1 }, CPH);
    expect(q1).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(iso(q1.startMs)).toBe('2025-12-31T23:00:00.000Z');
    expect(iso(q1.endMs)).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('instants', () => {
  it('compares canonical UTC strings and parses any other form', () => {
    const from = instant(Date.parse('2026-11-23T23:00:00.000Z'));
    expect(isAtOrAfter('2026-11-23T23:00:00.000Z', from)).toBe(true);
    expect(isAtOrAfter('2026-11-23T22:59:59.999Z', from)).toBe(false);
    expect(isAtOrAfter('2026-11-24T00:00:00+01:00', from)).toBe(true);
    expect(isAtOrAfter('2026-11-23T23:59:59+01:00', from)).toBe(false);
    expect(isAtOrAfter('2026-11-23T23:00:00Z', from)).toBe(true);
  });

  it('reads canonical timestamps digit by digit, exactly as Date.parse does', () => {
    for (let ms = Date.parse('1999-12-31T23:59:59.999Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 7_777_777_777) {
      const text = new Date(ms).toISOString();
      expect(instantOf(text)).toBe(ms);
    }
    expect(instantOf('2026-11-24T00:30:00+01:00')).toBe(Date.parse('2026-11-23T23:30:00Z'));
    expect(instantOf('2026-11-24T00:30:00Z')).toBe(Date.parse('2026-11-24T00:30:00Z'));
  });

  it('counts sorted values at or before x', () => {
    expect(countAtOrBefore([10, 20, 30], 5)).toBe(0);
    expect(countAtOrBefore([10, 20, 30], 10)).toBe(1);
    expect(countAtOrBefore([10, 20, 30], 25)).toBe(2);
    expect(countAtOrBefore([10, 20, 30], Number.POSITIVE_INFINITY)).toBe(3);
    expect(countAtOrBefore([], 1)).toBe(0);
  });
});

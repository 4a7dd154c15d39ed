import { describe, expect, it } from 'vitest';
import { dayPattern, formatDay, parseDay } from './format';

describe('a day typed in the operator’s locale', () => {
  it('reads the Danish form, the English one and ISO, and gives back what formatDay shows', () => {
    expect(parseDay('24.11.2026', 'da-DK')).toBe('2026-11-24');
    expect(parseDay(' 1.2.2026 ', 'da-DK')).toBe('2026-02-01');
    expect(parseDay('24-11-2026', 'da-DK')).toBe('2026-11-24');
    expect(parseDay('24/11/2026', 'en-GB')).toBe('2026-11-24');
    expect(parseDay('11/24/2026', 'en-US')).toBe('2026-11-24');
    expect(parseDay('2026-11-24', 'da-DK')).toBe('2026-11-24');
    for (const locale of ['da-DK', 'en-GB']) expect(parseDay(formatDay('2026-03-09', locale), locale)).toBe('2026-03-09');
  });

  it('refuses what is no day, and a year not yet typed out', () => {
    expect(parseDay('31.11.2026', 'da-DK')).toBeNull();
    expect(parseDay('29.02.2026', 'da-DK')).toBeNull();
    expect(parseDay('29.02.2028', 'da-DK')).toBe('2028-02-29');
    expect(parseDay('24.11.20', 'da-DK')).toBeNull();
    expect(parseDay('24.11', 'da-DK')).toBeNull();
    expect(parseDay('', 'da-DK')).toBeNull();
    expect(parseDay('11/24/2026', 'en-GB')).toBeNull();
  });

  it('shows the pattern to type in the locale', () => {
    expect(dayPattern('da-DK', { day: 'd', month: 'm', year: 'å' })).toBe('dd.mm.åååå');
    expect(dayPattern('en-GB', { day: 'd', month: 'm', year: 'y' })).toBe('dd/mm/yyyy');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endKey, endRange, placeOfId, rowId } from './row-ids';

const ends = fc.oneof(
  fc.integer({ min: -1e13, max: 1e13 }),
  fc.constantFrom(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 0, Date.UTC(2026, 10, 30)),
);
const places = fc.constantFrom('', 'LAGER', 'KVIK-1', 'KVIK-10', 'handed_out');
const keys = fc.constantFrom('imei:352906114004528', 'serial:PF00001', 'serial:PF000010');

describe('report row ids', () => {
  it('sort as their ends do', () => {
    fc.assert(
      fc.property(ends, ends, (a, b) => {
        // IndexedDB's order of strings, by code unit; ∞ − ∞ is NaN: the same end.
        const [x, y] = [endKey(a), endKey(b)];
        expect(x < y ? -1 : x > y ? 1 : 0).toBe(Math.sign(a - b) || 0);
      }),
    );
  });

  it('fall in an end range exactly when their row does, at every place and for every device', () => {
    fc.assert(
      fc.property(fc.constantFrom('h', 's', 'o'), places, places, keys, ends, ends, ends, fc.boolean(), fc.boolean(), (part, place, rowPlace, key, end, from, to, fromOpen, toOpen) => {
        const id = rowId(part, rowPlace, end, key, 3);
        const [lower, upper] = endRange(part, place, from, to, fromOpen, toOpen);
        const inIds = id >= lower && id < upper;
        const afterFrom = fromOpen ? end > from : end >= from;
        const beforeTo = toOpen ? end < to : end <= to;
        expect(inIds).toBe(rowPlace === place && afterFrom && beforeTo);
      }),
    );
  });

  it('name their place', () => {
    expect(placeOfId(rowId('o', 'KVIK-10', 5, 'imei:1', 0))).toBe('KVIK-10');
    expect(placeOfId(rowId('h', '', 5, 'imei:1', 0))).toBe('');
  });
});

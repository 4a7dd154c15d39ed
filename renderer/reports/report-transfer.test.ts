import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packForTransfer, unpackTransferred } from './report-transfer';

/** Across the worker boundary as the runner sends it: packed, cloned with its buffers transferred, unpacked. */
function roundTrip(value: unknown): unknown {
  const { value: packed, transfer } = packForTransfer(value);
  return unpackTransferred(structuredClone(packed, { transfer }));
}

const cell = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('Økonomi', 'phone', '2026-07-01', ''),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const key = fc.constantFrom('deviceKey', 'department', 'days', 'model', 'employeeId', 'amountOre', 'intune');
const inner = fc.dictionary(key, cell, { noNullPrototype: true });
const record = fc.dictionary(
  key,
  fc.oneof({ weight: 5, arbitrary: cell }, { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }) }, { weight: 2, arbitrary: inner }),
  { maxKeys: 7, noNullPrototype: true },
);

describe('a report packed for the page', () => {
  it('comes back as it was: the same keys, absent ones absent, null and undefined apart, -0 and NaN kept', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 0, maxLength: 200 }), fc.array(record, { maxLength: 5 }), (lines, few) => {
        const report = { kind: 'billing', report: { holdings: lines, departments: few, nested: { lines } }, timings: { readMs: 1 } };
        expect(roundTrip(report)).toStrictEqual(report);
      }),
      { numRuns: 200 },
    );
  });

  it('comes back as it was where a column holds records beside null, undefined and absent cells', () => {
    const finding = fc.record(
      { key: fc.string(), intune: fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) }) },
      { requiredKeys: ['key'], noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(finding, { minLength: 64, maxLength: 150 }), (findings) => {
        expect(roundTrip({ findings })).toStrictEqual({ findings });
      }),
      { numRuns: 100 },
    );
  });

  it('sends a quarter of lines as columns: repeated texts as words, numbers in transferred buffers', () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => ({
      department: `dep-${i % 12}`,
      deviceKey: `imei:35290611${String(i).padStart(7, '0')}`,
      kind: i % 3 === 0 ? 'pc' : 'phone',
      model: i % 5 === 0 ? null : 'iphone-13',
      days: 92,
      amountOre: 10_000 + i,
    }));
    const { value, transfer } = packForTransfer({ holdings: lines });
    const packed = (value as { holdings: { keys: string[]; columns: Array<{ kind: string; values: unknown }> } }).holdings;
    expect(Array.isArray(packed)).toBe(false);
    expect(packed.keys).toEqual(['department', 'deviceKey', 'kind', 'model', 'days', 'amountOre']);
    expect(packed.columns.map((column) => column.kind)).toEqual(['words', 'values', 'words', 'words', 'numbers', 'numbers']);
    expect(packed.columns[4]?.values).toBeInstanceOf(Float64Array);
    expect(transfer.length).toBeGreaterThanOrEqual(5);
    expect(roundTrip({ holdings: lines })).toStrictEqual({ holdings: lines });
  });

  it('sends the record each row holds (a finding’s Intune line) as columns too', () => {
    const unused = Array.from({ length: 200 }, (_, i) => ({
      key: `serial:PF${i}`,
      reason: i % 2 ? 'stale' : 'absent',
      ...(i % 2 ? { intune: { line: i + 2, serial: `PF${i}`, lastCheckIn: '2026-01-02' } } : {}),
    }));
    const { value } = packForTransfer({ unused });
    const packed = (value as { unused: { columns: Array<{ kind: string }> } }).unused;
    expect(packed.columns.map((column) => column.kind)).toEqual(['values', 'words', 'records']);
    expect(roundTrip({ unused })).toStrictEqual({ unused });
  });

  it('sends a large table of names as its keys and values, and puts it back key for key', () => {
    const employeeNames: Record<string, string | null> = Object.fromEntries([...Array.from({ length: 2_000 }, (_, i) => [`E${i}`, `Navn ${i}`]), ['constructor', 'Æble'], ['E7', null]]);
    Object.defineProperty(employeeNames, '__proto__', { value: 'Proto', enumerable: true, writable: true, configurable: true });
    const report = { report: { employeeNames, departments: [{ id: 'ØK' }] } };
    const { value } = packForTransfer(report);
    expect(Object.keys((value as { report: { employeeNames: object } }).report.employeeNames)).toEqual(['\u0000packedTable', 'keys', 'values']);
    const back = roundTrip(report) as typeof report;
    expect(back).toStrictEqual(report);
    expect(Object.getPrototypeOf(back.report.employeeNames)).toBe(Object.prototype);
    expect(Object.keys(back.report.employeeNames)).toEqual(Object.keys(employeeNames));
  });

  it('leaves short arrays, Maps and anything not a plain record to the structured clone', () => {
    const value = { few: [{ a: 1 }], map: new Map([['a', [{ b: 2 }]]]), at: new Date(0), texts: Array.from({ length: 100 }, String) };
    const { value: packed, transfer } = packForTransfer(value);
    expect(packed).toStrictEqual(value);
    expect(transfer).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { deviceStatuses, type Device } from '../domain/device';
import { deviceIn } from '../testing/builders';
import {
  classifyCountScan,
  countTone,
  expectedDevice,
  isExpectedAt,
  movableUnexpected,
  seenKeys,
  startRefusal,
  stocktakeSchema,
  summarizeCount,
  type CountScan,
  type ExpectedDevice,
} from './stocktake';

const imei = (n: number) => {
  // 15 digits; the rules here never look at the check digit.
  return `3520990100000${String(n).padStart(2, '0')}`;
};
const at = (status: Device['status'], n: number, patch: Partial<Device> = {}): Device => ({ ...deviceIn(status, imei(n)).device, ...patch });

describe('what a count of a location expects', () => {
  it('expects every device in stock there and every device in transit to it, and nothing else', () => {
    const expected = deviceStatuses.filter((status) => isExpectedAt(at(status, 1), 'LAGER'));
    expect(expected).toEqual(['received', 'ready', 'returned']);
    // deviceIn's transfer goes LAGER → KVIK-1: expected at KVIK-1, not where it left.
    expect(isExpectedAt(at('in_transit', 2), 'KVIK-1')).toBe(true);
    expect(isExpectedAt(at('in_transit', 2), 'LAGER')).toBe(false);
    expect(isExpectedAt(at('ready', 3), 'KVIK-1')).toBe(false);
  });

  it('narrows the count to one kind', () => {
    expect(isExpectedAt(at('ready', 1, { kind: 'tablet' }), 'LAGER', 'phone')).toBe(false);
    expect(isExpectedAt(at('ready', 1, { kind: 'tablet' }), 'LAGER', 'tablet')).toBe(true);
  });

  it('freezes what a person reads and the transfer a device in transit is in', () => {
    expect(expectedDevice(at('in_transit', 2))).toEqual({ key: `imei:${imei(2)}`, kind: 'phone', label: imei(2), status: 'in_transit', transferId: 'T-1' });
    expect(expectedDevice(at('ready', 3, { model: 'IP15' }))).toEqual({ key: `imei:${imei(3)}`, kind: 'phone', label: imei(3), status: 'ready', model: 'IP15' });
  });
});

describe('one scan in a count', () => {
  const a = at('ready', 1);
  const b = at('received', 2);
  const elsewhere = at('ready', 3, { location: 'KVIK-RH' });
  const expected = new Map<string, ExpectedDevice>([a, b].map((d) => [d.key, expectedDevice(d)]));

  it('is found the first time, already counted the second', () => {
    expect(classifyCountScan(a, expected, new Set())).toEqual({ result: 'found', device: expectedDevice(a) });
    expect(classifyCountScan(a, expected, new Set([a.key]))).toEqual({ result: 'already_counted', deviceKey: a.key });
  });

  it('is unexpected when the register has it elsewhere or in another status, and says where', () => {
    expect(classifyCountScan(elsewhere, expected, new Set())).toEqual({ result: 'unexpected', deviceKey: elsewhere.key, was: { status: 'ready', location: 'KVIK-RH' } });
    const handedOut = at('assigned', 4);
    expect(classifyCountScan(handedOut, expected, new Set())).toMatchObject({ result: 'unexpected', was: { status: 'assigned' } });
  });

  it('is unknown when the register does not have it at all', () => {
    expect(classifyCountScan(undefined, expected, new Set())).toEqual({ result: 'unknown' });
  });

  it('sounds green, amber, amber and red', () => {
    expect(countTone).toEqual({ found: 'good', already_counted: 'warning', unexpected: 'warning', unknown: 'error' });
  });

  it('counts a device as seen once it was found or unexpected', () => {
    const scans = [
      { result: 'found', deviceKey: 'k1' },
      { result: 'unexpected', deviceKey: 'k2' },
      { result: 'already_counted', deviceKey: 'k3' },
      { result: 'unknown' },
    ] as const;
    expect([...seenKeys(scans)]).toEqual(['k1', 'k2']);
  });
});

describe('starting a count', () => {
  const open = { id: 'OT-1', location: 'LAGER', status: 'open' as const, startedBy: 'MK', startedAt: '2026-11-24T08:00:00.000Z' };
  it('refuses a second count of a location while one is open, naming it', () => {
    expect(startRefusal([open], 'LAGER')).toEqual({ code: 'count_open', countId: 'OT-1', startedBy: 'MK', startedAt: open.startedAt });
  });
  it('allows a count of another location, or after the first was closed', () => {
    expect(startRefusal([open], 'KVIK-RH')).toBeUndefined();
    expect(startRefusal([{ ...open, status: 'closed' }], 'LAGER')).toBeUndefined();
  });
});

describe('the summary at the close', () => {
  const expectedList = [1, 2, 3, 4].map((n) => expectedDevice(at('ready', n)));
  const scan = (result: CountScan['result'], label: string, extra: Partial<CountScan> = {}): CountScan => ({
    id: `${result}-${label}-${Math.random()}`,
    countId: 'OT-1',
    at: '2026-11-24T09:00:00.000Z',
    label,
    result,
    ...extra,
  });
  const scans = [
    scan('found', imei(1), { deviceKey: `imei:${imei(1)}` }),
    scan('found', imei(2), { deviceKey: `imei:${imei(2)}` }),
    scan('already_counted', imei(1), { deviceKey: `imei:${imei(1)}` }),
    scan('unexpected', imei(7), { deviceKey: `imei:${imei(7)}`, was: { status: 'ready', location: 'KVIK-RH' } }),
    scan('unexpected', imei(8), { deviceKey: `imei:${imei(8)}`, was: { status: 'assigned' } }),
    scan('unexpected', imei(9), { deviceKey: `imei:${imei(9)}`, was: { status: 'ready', location: 'LAGER' } }),
    scan('unknown', 'ABC-1'),
    scan('unknown', 'ABC-1'),
  ];
  const summary = summarizeCount({ expected: expectedList }, scans);

  it('has expected, found, missing, each unexpected device once and each unknown label once', () => {
    expect(summary.expected).toBe(4);
    expect(summary.found.map((d) => d.label)).toEqual([imei(1), imei(2)]);
    expect(summary.missing.map((d) => d.label)).toEqual([imei(3), imei(4)]);
    expect(summary.unexpected.map((s) => s.label)).toEqual([imei(7), imei(8), imei(9)]);
    expect(summary.unknown.map((s) => s.label)).toEqual(['ABC-1']);
  });

  it('moves here only the unexpected devices the register has on a shelf elsewhere', () => {
    // imei 8 is handed out (a move cannot fix that); imei 9 is here already, of another kind.
    expect(movableUnexpected(summary, 'LAGER').map((s) => s.label)).toEqual([imei(7)]);
  });
});

describe('a count as stored', () => {
  it('checks what it holds', () => {
    const count = { id: 'OT-1', location: 'LAGER', status: 'open', startedAt: '2026-11-24T08:00:00.000Z', startedBy: 'MK', expected: [] };
    expect(stocktakeSchema.safeParse(count).success).toBe(true);
    expect(stocktakeSchema.safeParse({ ...count, location: '' }).success).toBe(false);
    expect(stocktakeSchema.safeParse({ ...count, kind: 'toaster' }).success).toBe(false);
  });
});

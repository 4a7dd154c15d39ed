import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/builders';
import { choosable, isActive, namedByDevice, namedByEvent, removeVerdict } from './reference-use';

const KEY = 'imei:354381079141772';

describe('deleting a reference row in use: refused with the count, deactivated instead', () => {
  it('deletes only what no device and no event names', () => {
    expect(removeVerdict({ devices: 0, events: 0 })).toEqual({ kind: 'delete' });
    expect(removeVerdict({ devices: 12 })).toEqual({ kind: 'deactivate', use: { devices: 12 } });
    // History alone is enough: a voided phantom's events still name its model.
    expect(removeVerdict({ devices: 0, events: 1 })).toEqual({ kind: 'deactivate', use: { devices: 0, events: 1 } });
  });

  it('reads rows without the flag (older data) as active', () => {
    expect(isActive({})).toBe(true);
    expect(isActive({ active: true })).toBe(true);
    expect(isActive({ active: false })).toBe(false);
  });

  it('offers the active rows in pickers, and the one already chosen even when deactivated', () => {
    const rows = [{ id: 'A' }, { id: 'B', active: false }, { id: 'C', active: true }];
    expect(choosable(rows).map((r) => r.id)).toEqual(['A', 'C']);
    expect(choosable(rows, 'B').map((r) => r.id)).toEqual(['A', 'B', 'C']);
  });
});

describe('which devices and events name a model, location or department', () => {
  it('a device: its model, its location, its holder’s department', () => {
    const device = { model: 'IP15', location: 'LAGER', holder: { employeeId: 'E1', department: 'BUF', since: '2026-11-23T09:00:00.000Z' } };
    expect(namedByDevice('models', device)).toEqual(['IP15']);
    expect(namedByDevice('locations', device)).toEqual(['LAGER']);
    expect(namedByDevice('departments', device)).toEqual(['BUF']);
    expect(namedByDevice('departments', { model: 'IP15' })).toEqual([]);
  });

  it('an event: what it recorded and what a correction set', () => {
    expect(namedByEvent('models', makeEvent('received', KEY, { data: { kind: 'phone', imei: '354381079141772', model: 'IP15' } }))).toEqual(['IP15']);
    expect(namedByEvent('models', makeEvent('corrected', KEY, { data: { reason: 'Forkert model', set: { model: 'IP13' } } }))).toEqual(['IP13']);
    expect(namedByEvent('models', makeEvent('prepared', KEY))).toEqual([]);
    // Where the desk stood, and where a transfer went.
    expect(namedByEvent('locations', makeEvent('transfer_sent', KEY, { location: 'LAGER', data: { from: 'LAGER', to: 'KVIK-1' } }))).toEqual(['LAGER', 'KVIK-1']);
    expect(namedByEvent('locations', makeEvent('moved', KEY, { location: 'KVIK-1', data: { to: 'KVIK-2' } }))).toEqual(['KVIK-1', 'KVIK-2']);
    expect(namedByEvent('departments', makeEvent('handed_out', KEY, { data: { employeeId: 'E1', department: 'BUF' } }))).toEqual(['BUF']);
    expect(namedByEvent('departments', makeEvent('receipt', KEY))).toEqual(['ØKF']);
    expect(namedByEvent('departments', makeEvent('returned', KEY))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { accessorySchema } from '../accessories/catalogue';
import { accessoryEventSchema, type AccessoryEvent } from '../accessories/event';
import { accessoryStockReport, accessoryStockTable } from './accessory-stock';
import { tableToCsv } from './tables';

const catalogue = [
  accessorySchema.parse({ id: 'USBC', name: 'Oplader USB-C', kind: 'charger', levels: 'KVIK-RH:9' }),
  accessorySchema.parse({ id: 'COVER', name: 'Cover iPhone 13', kind: 'cover', levels: '*:2' }),
  accessorySchema.parse({ id: 'OLD', name: 'Gammelt kabel', kind: 'cable', active: false }),
];
let n = 0;
function ev(type: AccessoryEvent['type'], accessory: string, at: string, data: Record<string, unknown>, location = 'KVIK-RH'): AccessoryEvent {
  n += 1;
  return accessoryEventSchema.parse({ id: `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`, type, at, deskId: 'd', operator: 'MK', location, accessory, data });
}

describe('the daily report’s accessories', () => {
  const events = [
    ev('accessory_received', 'USBC', '2026-12-01T08:00:00Z', { count: 10 }),
    ev('accessory_issued', 'USBC', '2026-12-01T09:00:00Z', { count: 1, employeeId: 'E1' }),
    ev('accessory_issued', 'USBC', '2026-11-30T22:59:00Z', { count: 1, employeeId: 'E1' }), // the day before (Copenhagen)
    ev('accessory_issued', 'USBC', '2026-12-02T09:00:00Z', { count: 2, employeeId: 'E1' }), // the day after
    ev('accessory_received', 'USBC', '2026-12-01T10:00:00Z', { count: 5 }, 'LAGER'), // elsewhere
    ev('accessory_issued', 'USBC', '2026-12-01T11:00:00Z', { count: 1, employeeId: 'E2' }),
    ev('accessory_undone', 'USBC', '2026-12-01T11:01:00Z', { undoes: '0190a000-0000-7000-8000-000000000006', delta: 1 }), // the issue before, scanned by mistake
  ];
  const stock = [
    { location: 'KVIK-RH', accessory: 'USBC', count: 7 },
    { location: 'LAGER', accessory: 'USBC', count: 5 },
  ];
  const rows = accessoryStockReport({ location: 'KVIK-RH', day: '2026-12-01', timeZone: 'Europe/Copenhagen', catalogue, stock, events });

  it('gives the stock at the day’s end, the day’s received and issued, the level, and flags low', () => {
    expect(rows.map((r) => [r.accessory, r.stock, r.received, r.issued, r.level, r.state])).toEqual([
      ['COVER', 0, 0, 0, 2, 'low'],
      ['USBC', 9, 10, 1, 9, 'low'],
    ]);
  });

  it('flags stock below zero, and leaves a deactivated accessory out unless it has stock', () => {
    const below = accessoryStockReport({ location: 'KVIK-RH', day: '2026-12-01', timeZone: 'Europe/Copenhagen', catalogue, stock: [{ location: 'KVIK-RH', accessory: 'OLD', count: -1 }], events: [] });
    expect(below.map((r) => [r.accessory, r.stock, r.state])).toEqual([['COVER', 0, 'low'], ['OLD', -1, 'negative'], ['USBC', 0, 'low']]);
  });

  it('exports the same rows as CSV for Danish Excel', () => {
    const csv = tableToCsv(accessoryStockTable(rows), { language: 'da' });
    expect(csv).toContain('Tilbehør;Type;På lager;Modtaget i dag;Udleveret i dag');
    expect(csv).toContain('Oplader USB-C;Oplader;9;10;1;0;9;Lavt lager');
  });
});

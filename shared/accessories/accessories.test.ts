import { describe, expect, it } from 'vitest';
import { parseScan } from '../scan/parse';
import { accessorySchema, gtinOwner, gtinsOf, isLowStock, lowStockLevel, type Accessory } from './catalogue';
import { accessoryEventSchema, deltaOf, type AccessoryEvent } from './event';
import { checkPushedAccessoryEvent } from './protocol';
import { adjustmentDelta, issueVerdict } from './stock';

const charger = accessorySchema.parse({ id: 'USBC-20W', name: 'Oplader USB-C 20 W', kind: 'charger', gtin: '5712345000014, 96385074', levels: 'KVIK-RH: 9; *:3' });
const model = { id: 'IP13', name: 'iPhone 13', gtin: '05728657070492' };

function event(type: AccessoryEvent['type'], data: Record<string, unknown>): unknown {
  return { id: '0190a000-0000-7000-8000-000000000001', type, at: '2026-12-01T09:00:00.000Z', deskId: 'desk-1', operator: 'MK', location: 'KVIK-RH', accessory: 'USBC-20W', data };
}

describe('the accessory catalogue', () => {
  it('keeps every box GTIN as 14 digits and the levels in one canonical form', () => {
    expect(charger.gtin).toBe('05712345000014 00000096385074');
    expect(gtinsOf(charger)).toEqual(['05712345000014', '00000096385074']);
    expect(charger.levels).toBe('*:3; KVIK-RH:9');
    expect(accessorySchema.parse({ ...charger, levels: 'KVIK-RH=9\n*:3' }).levels).toBe(charger.levels);
  });

  it('refuses a GTIN with a wrong check digit, a level that is not a number, a location given twice', () => {
    expect(accessorySchema.safeParse({ ...charger, gtin: '5712345000015' }).success).toBe(false);
    expect(accessorySchema.safeParse({ ...charger, levels: 'KVIK-RH: ni' }).success).toBe(false);
    expect(accessorySchema.safeParse({ ...charger, levels: 'A:1; A:2' }).success).toBe(false);
    expect(accessorySchema.safeParse({ ...charger, kind: 'battery' }).success).toBe(false);
  });

  it("reads a location's level, else the * level, else none; at or below the level is low", () => {
    expect(lowStockLevel(charger, 'KVIK-RH')).toBe(9);
    expect(lowStockLevel(charger, 'LAGER')).toBe(3);
    expect(lowStockLevel({ levels: 'KVIK-RH:9' }, 'LAGER')).toBeUndefined();
    expect(isLowStock(9, 9)).toBe(true);
    expect(isLowStock(10, 9)).toBe(false);
    expect(isLowStock(0, undefined)).toBe(false);
  });
});

describe("a scanned GTIN: a model's box or an accessory's", () => {
  const owner = (raw: string, models: Array<typeof model & { active?: boolean }> = [model], accessories: Accessory[] = [charger]) => {
    const scan = parseScan(raw);
    if (scan.kind !== 'gtin') throw new Error(`not a GTIN: ${raw}`);
    return gtinOwner(scan.value, models, accessories).kind;
  };
  it('finds the accessory by any of its GTINs, as EAN-13 or EAN-8, and the model by its own', () => {
    expect(owner('5712345000014')).toBe('accessory');
    expect(owner('96385074')).toBe('accessory');
    expect(owner('5728657070492')).toBe('model');
    expect(owner('5712345000021')).toBe('none');
  });
  it('calls a GTIN on both an active model and an active accessory the catalogue’s error; a deactivated one gives way', () => {
    const clash = { ...model, gtin: '05712345000014' };
    expect(owner('5712345000014', [clash])).toBe('both');
    expect(owner('5712345000014', [{ ...clash, active: false }])).toBe('accessory');
    expect(owner('5712345000014', [clash], [{ ...charger, active: false }])).toBe('model');
  });
});

describe('accessory events and counts', () => {
  it('changes the count by +box, −issued, ±correction', () => {
    const parse = (type: AccessoryEvent['type'], data: Record<string, unknown>) => accessoryEventSchema.parse(event(type, data));
    expect(deltaOf(parse('accessory_received', { count: 10 }))).toBe(10);
    expect(deltaOf(parse('accessory_issued', { count: 1, employeeId: 'E1001' }))).toBe(-1);
    expect(deltaOf(parse('accessory_adjusted', { delta: -2, counted: 7, reason: 'Optalt' }))).toBe(-2);
  });

  it('refuses counts outside the limits, a correction of 0 or without a reason, an issue without an employee', () => {
    const bad = [
      event('accessory_received', { count: 0 }),
      event('accessory_received', { count: 10_001 }),
      event('accessory_received', { count: 2.5 }),
      event('accessory_issued', { count: 21, employeeId: 'E1001' }),
      event('accessory_issued', { count: 1 }),
      event('accessory_adjusted', { delta: 0, reason: 'x' }),
      event('accessory_adjusted', { delta: 3, reason: '  ' }),
    ];
    for (const raw of bad) expect(checkPushedAccessoryEvent(raw, 'desk-1')).toMatchObject({ ok: false, result: { reasonCode: 'invalid_event' } });
  });

  it('drops fields the schema does not name and refuses another desk’s event', () => {
    const raw = { ...(event('accessory_received', { count: 10, secret: 'x' }) as object), extra: 1 };
    const checked = checkPushedAccessoryEvent(raw, 'desk-1');
    expect(checked.ok && JSON.stringify(checked.event)).not.toMatch(/secret|extra/);
    expect(checkPushedAccessoryEvent(raw, 'desk-2')).toMatchObject({ ok: false, result: { reasonCode: 'wrong_desk' } });
  });

  it('lets an issue take the count below zero, never silently: empty, low or ok', () => {
    expect(issueVerdict(10, 1, 9)).toEqual({ kind: 'low', after: 9, level: 9 });
    expect(issueVerdict(11, 1, 9)).toEqual({ kind: 'ok', after: 10 });
    expect(issueVerdict(0, 1, 9)).toEqual({ kind: 'empty', before: 0, after: -1 });
    expect(issueVerdict(5, 1, undefined)).toEqual({ kind: 'ok', after: 4 });
    expect(adjustmentDelta(-1, 12)).toBe(13);
  });
});

import { describe, expect, it } from 'vitest';
import { accessorySchema } from '../../shared/accessories/catalogue';
import { parseScan } from '../../shared/scan/parse';
import { decideScan, type DecideInput } from '../desk/decide';
import { readBatchSettings, type BatchSettings } from '../desk/workflows';

const models = [{ id: 'IP13', name: 'iPhone 13', kind: 'phone' as const, gtin: '05728657070492' }];
const charger = accessorySchema.parse({ id: 'USBC', name: 'Oplader USB-C', kind: 'charger', gtin: '5712345000014' });
const defaults = readBatchSettings({});
const serving: BatchSettings = { ...defaults, handout: { ...defaults.handout, employee: { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' } } };

function decide(raw: string, overrides: Partial<DecideInput> = {}) {
  const input: DecideInput = { mode: 'handout', settings: serving, place: { location: 'KVIK-RH', today: '2026-12-01' }, scan: parseScan(raw), device: undefined, batchKeys: new Set(), models, accessories: [charger] };
  return decideScan({ ...input, ...overrides });
}

describe("an accessory's GTIN at the desk", () => {
  it('goes out with the handout, and asks for the count of a box in receive', () => {
    expect(decide('5712345000014')).toMatchObject({ kind: 'accessory', action: 'issue', accessory: { id: 'USBC' }, gtin: '05712345000014' });
    expect(decide('5712345000014', { mode: 'receive' })).toMatchObject({ kind: 'accessory', action: 'receive', accessory: { id: 'USBC' } });
  });

  it("still sets the model from a model's box: the two GTINs are told apart by the catalogue", () => {
    expect(decide('5728657070492', { mode: 'receive' })).toMatchObject({ kind: 'model', model: { id: 'IP13' } });
  });

  it('is refused before the employee is chosen, in other workflows, when deactivated, and when a model has the same GTIN', () => {
    expect(decide('5712345000014', { settings: defaults })).toMatchObject({ kind: 'error', message: { key: 'feedback.needEmployee' } });
    expect(decide('5712345000014', { mode: 'prepare' })).toMatchObject({ kind: 'error', message: { key: 'accessories.feedback.notHere' } });
    expect(decide('5712345000014', { accessories: [{ ...charger, active: false }] })).toMatchObject({ kind: 'error', message: { key: 'accessories.feedback.inactive' } });
    expect(decide('5712345000014', { models: [{ ...models[0]!, gtin: '05712345000014' }] })).toMatchObject({ kind: 'error', message: { key: 'accessories.feedback.both' } });
  });
});

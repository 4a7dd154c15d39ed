import { describe, expect, it } from 'vitest';
import { deviceEventSchema, type ReceiptData } from '../../shared/domain/event';
import { eventLimits, jsonBytes } from '../../shared/domain/limits';
import { receiptDraft, receiptEvents, type ReceiptLine } from './draft';

const employee = { id: 'E1001', name: 'Søren Ærø', department: 'ØKF', email: 'soren@kk.dk' };
const phone = (imei: string, model = 'IP13') => ({ key: `imei:${imei}`, imei, model, assetTag: 'KK000123' });
const line = (type: 'handed_out' | 'returned', imei: string, data: Record<string, unknown> = {}): ReceiptLine => ({
  event: { type, deviceKey: `imei:${imei}`, data: data as never },
  device: phone(imei),
});
const ctx = { deskId: 'kvik-1', operator: 'MK', location: 'KVIK-1' };
const models = (id: string) => ({ IP13: 'iPhone 13' })[id] ?? id;

describe('a receipt', () => {
  it('lists each device of the batch once, as recorded, with its model name', () => {
    const draft = receiptDraft('handed_out', employee, [line('handed_out', '490154203237518'), line('handed_out', '490154203237518'), line('returned', '352099001761481')], models, ' RITM0012345 ');
    expect(draft).toEqual({
      of: 'handed_out',
      employee: { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' },
      devices: [{ deviceKey: 'imei:490154203237518', model: 'iPhone 13', imei: '490154203237518', assetTag: 'KK000123' }],
      requestNumber: 'RITM0012345',
    });
  });

  it('says in what condition each device came back', () => {
    const draft = receiptDraft('returned', employee, [line('returned', '490154203237518', { condition: 'damaged' })], models);
    expect(draft?.devices[0]?.condition).toBe('damaged');
  });

  it('names the SIM card paired with a device', () => {
    const withSim: ReceiptLine = { ...line('handed_out', '490154203237518'), device: { ...phone('490154203237518'), sim: '8945102000001234561' } };
    expect(receiptDraft('handed_out', employee, [withSim], models)?.devices[0]?.sim).toBe('8945102000001234561');
  });

  it('is nothing without a handout of the batch', () => {
    expect(receiptDraft('handed_out', employee, [line('returned', '490154203237518', { condition: 'ok' })], models)).toBeNull();
  });

  it('becomes one valid event per device, each within the event limit', () => {
    const draft = receiptDraft('handed_out', employee, [line('handed_out', '490154203237518'), line('handed_out', '352099001761481')], models)!;
    const data: ReceiptData = { ...draft, receiptId: 'K-1', language: 'da', terms: 'Udstyret tilhører Københavns Kommune.', signature: `data:image/png;base64,${'A'.repeat(eventLimits.signatureMax - 30)}` };
    const events = receiptEvents(ctx, data, new Date('2026-12-01T09:00:00Z'))!;
    expect(events.map((e) => e.deviceKey)).toEqual(['imei:490154203237518', 'imei:352099001761481']);
    for (const event of events) {
      expect(deviceEventSchema.safeParse(event).success).toBe(true);
      expect(jsonBytes(event)).toBeLessThanOrEqual(eventLimits.eventMaxBytes);
    }
  });

  it('refuses to become events over the limit, so the desk shrinks the signature', () => {
    const devices = Array.from({ length: eventLimits.receiptDevicesMax }, (_, i) => ({ deviceKey: `serial:S${i}`, model: 'M'.repeat(eventLimits.nameMax) }));
    const data: ReceiptData = {
      of: 'handed_out',
      employee: { id: 'E1', name: 'N', department: 'D' },
      devices,
      receiptId: 'K-2',
      language: 'da',
      terms: '€'.repeat(eventLimits.termsMax),
      signature: `data:image/png;base64,${'A'.repeat(eventLimits.signatureMax - 30)}`,
    };
    expect(receiptEvents(ctx, data, new Date())).toBeNull();
    expect(receiptEvents(ctx, { ...data, signature: 'data:image/png;base64,AAAA' }, new Date())).not.toBeNull();
  });

  it('keeps a signature only as a PNG image: anything else is refused by the event schema', () => {
    const draft = receiptDraft('handed_out', employee, [line('handed_out', '490154203237518')], models)!;
    const base = { ...draft, receiptId: 'K-3', language: 'da' as const, terms: '' };
    const [event] = receiptEvents(ctx, { ...base, signature: 'data:image/png;base64,iVBORw0KGgo=' }, new Date())!;
    expect(deviceEventSchema.safeParse(event).success).toBe(true);
    const strokes = { ...event!, data: { ...base, signature: JSON.stringify([{ x: 1, y: 2, time: 3, pressure: 0.5 }]) } };
    expect(deviceEventSchema.safeParse(strokes).success).toBe(false);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceKeyFor } from '../../shared/domain/device-key';
import { deviceIn, makeEvent } from '../../shared/testing/builders';
import type { KvikDb } from '../store/db';
import { openDb } from '../store/open';
import { recordEvent } from '../store/record';
import { correctionSet, fieldsToCorrect, recordCorrection, recordVoid } from './correction';

const ctx = { deskId: 'desk-1', operator: 'MK', location: 'LAGER' };
let db: KvikDb;
let n = 0;
beforeEach(async () => {
  db = await openDb(`correction-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('corrections from the device card', () => {
  it('offers what the named event set, never the identifier the device is keyed by, the holder only while handed out', () => {
    const { device } = deviceIn('assigned');
    expect(fieldsToCorrect(device, { type: 'handed_out' })).toEqual(['holder']);
    expect(fieldsToCorrect(device, { type: 'prepared' })).toEqual([]);
    expect(fieldsToCorrect(deviceIn('ready').device)).not.toContain('holder');
    const bySerial = { ...device, imei: undefined, serial: 'ABC123', key: deviceKeyFor({ serial: 'ABC123' }) as string };
    expect(fieldsToCorrect(bySerial)).not.toContain('serial');
    expect(fieldsToCorrect(device)).toContain('serial');
  });

  it('sets only what changed; an emptied field is left as it was', () => {
    const { device } = deviceIn('assigned');
    const fields = fieldsToCorrect(device);
    expect(correctionSet({ ...device, model: 'IP15' }, fields, { model: 'IP15', assetTag: '' })).toBeUndefined();
    expect(correctionSet({ ...device, model: 'IP15' }, fields, { model: 'IP13', holder: 'E2001|BUF' })).toEqual({
      model: 'IP13',
      holder: { employeeId: 'E2001', department: 'BUF' },
    });
  });

  it('corrects an older event through the lifecycle, and voids a phantom: it leaves the register, its history stays', async () => {
    const { events } = deviceIn('assigned');
    for (const event of events) await recordEvent(db, event);
    const key = events[0]!.deviceKey;
    const device = (await db.devices.get(key))!;
    const result = await recordCorrection(db, ctx, device, { set: { model: 'IP13' }, reason: 'Forkert æske', corrects: events[0]!.id });
    expect(result.ok).toBe(true);
    expect(await db.devices.get(key)).toMatchObject({ model: 'IP13', status: 'assigned' });
    expect(await db.outbox.count()).toBe(events.length + 1);

    const refused = await recordCorrection(db, ctx, (await db.devices.get(key))!, { set: { status: 'ready' }, reason: 'x' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'correction_status' } });

    const phantom = makeEvent('received', 'serial:9074390', { data: { imei: undefined, serial: '9074390' } });
    await recordEvent(db, phantom);
    const voided = await recordVoid(db, ctx, (await db.devices.get('serial:9074390'))!, 'Halv scanning');
    expect(voided.ok).toBe(true);
    expect(await db.devices.get('serial:9074390')).toBeUndefined();
    expect((await db.events.where('[deviceKey+at]').between(['serial:9074390', ''], ['serial:9074390', '\uffff']).toArray()).map((e) => e.type)).toEqual([
      'received',
      'voided',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/scan/parse';
import { deviceIn } from '../../shared/testing/builders';
import { decideScan, type DecideInput } from './decide';
import { readBatchSettings, type BatchSettings } from './workflows';

const models = [{ id: 'IP15', name: 'iPhone 15', kind: 'phone' as const, gtin: '05728657070492' }];

const defaults = readBatchSettings({});
/** The batch's settings with some of one workflow's changed. */
function settingsWith<N extends keyof BatchSettings>(name: N, patch: Partial<BatchSettings[N]>): BatchSettings {
  return { ...defaults, [name]: { ...defaults[name], ...patch } };
}

function decide(raw: string, overrides: Partial<DecideInput> = {}) {
  const input: DecideInput = { mode: 'receive', settings: defaults, place: { location: 'LAGER', today: '2026-11-30' }, scan: parseScan(raw), device: undefined, batchKeys: new Set(), models };
  return decideScan({ ...input, ...overrides });
}

describe('decideScan', () => {
  it('receives a new phone by its IMEI with the batch model', () => {
    expect(decide('354381079141772', { settings: settingsWith('receive', { model: 'IP15' }) })).toMatchObject({
      kind: 'record',
      deviceKey: 'imei:354381079141772',
      data: { kind: 'phone', imei: '354381079141772', model: 'IP15' },
    });
  });

  it('keeps the Apple alternative of an S-prefixed serial', () => {
    expect(decide('SFB4ATRTHMYUE', { settings: settingsWith('receive', { kind: 'tablet' }) })).toMatchObject({
      kind: 'record',
      deviceKey: 'serial:SFB4ATRTHMYUE',
      data: { kind: 'tablet', serial: 'SFB4ATRTHMYUE', alternatives: ['FB4ATRTHMYUE'] },
    });
  });

  it('picks the model from a GTIN on the box while receiving, and refuses it elsewhere', () => {
    expect(decide('5728657070492')).toMatchObject({ kind: 'model', model: { id: 'IP15' } });
    expect(decide('5000112637922')).toMatchObject({ kind: 'error', message: { key: 'feedback.unknownGtin' } });
    expect(decide('5728657070492', { mode: 'prepare' })).toMatchObject({ kind: 'error', message: { key: 'feedback.gtinNotHere' } });
  });

  it('refuses the GTIN of a deactivated model, unless an active model shares it', () => {
    const retired = { ...models[0]!, active: false };
    expect(decide('5728657070492', { models: [retired] })).toMatchObject({ kind: 'error', message: { key: 'feedback.inactiveModel', params: { model: 'iPhone 15' } } });
    const successor = { id: 'IP15B', name: 'iPhone 15 (2026)', kind: 'phone' as const, gtin: '05728657070492' };
    expect(decide('5728657070492', { models: [retired, successor] })).toMatchObject({ kind: 'model', model: { id: 'IP15B' } });
  });

  it('warns about a device already scanned in this batch', () => {
    expect(decide('354381079141772', { batchKeys: new Set(['imei:354381079141772']) })).toMatchObject({ kind: 'warning', message: { key: 'feedback.duplicate' } });
  });

  it('names the wrong and the right check digit of a mistyped IMEI', () => {
    expect(decide('354381079141775')).toEqual({ kind: 'error', message: { key: 'invalid.imei_check_digit', params: { got: '5', expected: 2 } } });
  });

  it('needs an existing device outside receive', () => {
    expect(decide('354381079141772', { mode: 'prepare' })).toMatchObject({ kind: 'error', message: { key: 'feedback.unknownDevice' } });
  });

  it('needs the employee before a handout, the method and the certificate before a disposal, the vendor before a repair', () => {
    const { device } = deviceIn('ready');
    expect(decide('354381079141772', { mode: 'handout', device })).toMatchObject({ message: { key: 'feedback.needEmployee' } });
    expect(decide('354381079141772', { mode: 'dispose', device })).toMatchObject({ message: { key: 'feedback.needMethod' } });
    const recycled = settingsWith('dispose', { method: 'recycled' });
    expect(decide('354381079141772', { mode: 'dispose', device, settings: recycled })).toMatchObject({ message: { key: 'feedback.needCertificate' } });
    expect(decide('354381079141772', { mode: 'dispose', device, settings: settingsWith('dispose', { method: 'recycled', certificate: 'C-1' }) })).toMatchObject({
      kind: 'record',
      data: { method: 'recycled', certificate: 'C-1' },
    });
    expect(decide('354381079141772', { mode: 'repair', device })).toMatchObject({ message: { key: 'feedback.needVendor' } });
    const employee = { id: 'E1', name: 'Søren', department: 'BUF' };
    expect(decide('354381079141772', { mode: 'handout', device, settings: settingsWith('handout', { employee }) })).toMatchObject({
      kind: 'record',
      data: { employeeId: 'E1', department: 'BUF' },
    });
  });

  it('warns in amber before receiving a fragment of a label or without a model, and receives it scanned again', () => {
    const remembered = { recentImeis: ['352906114004528'], modelAsked: false };
    const withModel = settingsWith('receive', { model: 'IP15' });
    expect(decide('4004528', { settings: withModel, memory: remembered })).toMatchObject({ kind: 'warning', message: { key: 'feedback.imeiTail' }, confirm: '4004528' });
    expect(decide('4004528', { settings: withModel, memory: { ...remembered, confirming: '4004528' } })).toMatchObject({ kind: 'record', deviceKey: 'serial:4004528' });
    expect(decide('C02XL0GHJGH5', { memory: remembered })).toMatchObject({ kind: 'warning', message: { key: 'feedback.noModel' }, asksModel: true });
    // A desk with no models to choose from is not asked for one.
    expect(decide('C02XL0GHJGH5', { memory: remembered, models: [] })).toMatchObject({ kind: 'record' });
  });

  it('turns command cards into commands and modes', () => {
    expect(decide('KVIK:DONE')).toEqual({ kind: 'command', command: 'done' });
    expect(decide('KVIK:UNDO')).toEqual({ kind: 'command', command: 'undo' });
    expect(decide('KVIK:MODE:HANDOUT')).toEqual({ kind: 'mode', mode: 'handout' });
    expect(decide('KVIK:MODE:UDLEVER')).toEqual({ kind: 'mode', mode: 'handout' });
    expect(decide('KVIK:MODE:DANCE')).toMatchObject({ kind: 'error', message: { key: 'feedback.unknownCommand' } });
  });

  it('shows a device in lookup and says when there is none', () => {
    const { device } = deviceIn('assigned');
    expect(decide('354381079141772', { mode: 'lookup', device })).toEqual({ kind: 'show', device });
    expect(decide('354381079141772', { mode: 'lookup' })).toMatchObject({ kind: 'error', message: { key: 'feedback.notFound' } });
  });

  it('packs only devices in stock where the desk stands, into the transfer chosen', () => {
    const { device } = deviceIn('ready');
    const here = { ...device, location: 'LAGER' };
    const packing = settingsWith('pack', { destination: 'KVIK-NORD', transferId: 'T261201-AAAA' });
    expect(decide('354381079141772', { mode: 'pack', device: here })).toMatchObject({ kind: 'error', message: { key: 'feedback.needDestination' } });
    expect(decide('354381079141772', { mode: 'pack', device: here, settings: packing })).toMatchObject({
      kind: 'record',
      data: { transferId: 'T261201-AAAA', from: 'LAGER', to: 'KVIK-NORD' },
    });
    expect(decide('354381079141772', { mode: 'pack', device: { ...device, location: 'KVIK-SYD' }, settings: packing })).toMatchObject({
      kind: 'error',
      message: { key: 'feedback.notAtThisLocation', params: { location: 'KVIK-SYD' } },
    });
  });

  it("opens a transfer from its barcode, receives its devices, and lists one not in it as unexpected (amber)", () => {
    expect(decide('KVIK:TRANSFER:T261201-AAAA')).toEqual({ kind: 'transfer', transferId: 'T261201-AAAA' });
    const { device } = deviceIn('ready');
    const packed = { ...device, status: 'in_transit' as const, transit: { transferId: 'T261201-AAAA', from: 'LAGER', to: 'KVIK-NORD', since: device.updatedAt, stockStatus: 'ready' as const } };
    const receiving = settingsWith('unpack', { transferId: 'T261201-AAAA' });
    expect(decide('354381079141772', { mode: 'unpack', device: packed, settings: receiving })).toMatchObject({ kind: 'record', data: { transferId: 'T261201-AAAA' } });
    expect(decide('354381079141772', { mode: 'unpack', device, settings: receiving })).toMatchObject({
      kind: 'warning',
      message: { key: 'feedback.unexpected' },
      deviceKey: device.key,
      settings: { transferId: 'T261201-AAAA', unexpected: [device.key] },
    });
    expect(decide('354381079141772', { mode: 'unpack', device: packed })).toMatchObject({ kind: 'error', message: { key: 'feedback.needTransfer' } });
  });
});

import { describe, expect, it } from 'vitest';
import { deviceIdentifiers, type Device } from '../../shared/domain/device';
import { parseScan } from '../../shared/scan/parse';
import { deviceIn } from '../../shared/testing/builders';
import { decideScan, type DecideInput, type Decision } from '../desk/decide';
import { ScanMemoryKeeper } from '../desk/scan-memory';
import { readBatchSettings } from '../desk/workflows';

const models = [{ id: 'IP13', name: 'iPhone 13', kind: 'phone' as const }];
const jens = { id: 'E1', name: 'Jens Hansen', department: 'TMF' };
const defaults = readBatchSettings({});
const settings = { ...defaults, handout: { ...defaults.handout, employee: jens }, return: { ...defaults.return, employee: jens } };

/** A ready IP13 at KVIK-1, handed out `handouts` times before. */
function ready(imei: string, handouts: number): Device {
  return { ...deviceIn('ready', imei).device, model: 'IP13', location: 'KVIK-1', handouts };
}
const fresh = ready('490154203237518', 0);
const used = [ready('352099001761481', 1), ready('356938035643809', 2), ready('354381079141772', 1)];

/** A desk serving Jens: scans decided one after another, with the memory the desk keeps between them. */
function counterDesk(mode: 'handout' | 'return', stock: readonly Device[]) {
  const memory = new ScanMemoryKeeper();
  return (device: Device): Decision => {
    const input: DecideInput = {
      mode,
      settings,
      place: { location: 'KVIK-1', today: '2026-12-01' },
      scan: parseScan(device.imei as string),
      device,
      batchKeys: new Set(),
      models,
      memory: memory.memory('batch'),
      readyHere: stock,
    };
    const decision = decideScan(input);
    memory.after(decision, 'batch');
    return decision;
  };
}

describe('reuse first at the counter', () => {
  it('holds a new device back while used ones of its model are ready here, naming how many', () => {
    expect(counterDesk('handout', [fresh, ...used])(fresh)).toMatchObject({
      kind: 'warning',
      message: { key: 'feedback.reuseModel', params: { count: 3, model: 'iPhone 13' } },
    });
  });

  it('records the advice followed when one of the used ones is scanned next', () => {
    const scan = counterDesk('handout', [fresh, ...used]);
    scan(fresh);
    expect(scan(used[1]!)).toMatchObject({ kind: 'record', data: { employeeId: 'E1', reuseOutcome: 'followed' } });
  });

  it('hands out the new one, declined, when it is scanned again', () => {
    const scan = counterDesk('handout', [fresh, ...used]);
    scan(fresh);
    expect(scan(fresh)).toMatchObject({ kind: 'record', deviceKey: fresh.key, data: { reuseOutcome: 'declined' } });
  });

  it('records no outcome when there was no advice', () => {
    const scan = counterDesk('handout', [fresh]);
    const decision = scan(fresh);
    expect(decision).toMatchObject({ kind: 'record' });
    expect((decision as { data: object }).data).not.toHaveProperty('reuseOutcome');
    expect(counterDesk('handout', [fresh, ...used])(used[0]!)).not.toHaveProperty('data.reuseOutcome');
  });

  it('gives no advice on a device the lifecycle would refuse anyway', () => {
    const received = { ...deviceIn('received', '490154203237518').device, model: 'IP13', location: 'KVIK-1' };
    expect(counterDesk('handout', used)(received)).toMatchObject({ kind: 'record' });
  });
});

describe('a return from someone else than the holder', () => {
  const heldBy = (employeeId: string): Device => ({ ...deviceIn('assigned').device, holder: { employeeId, department: 'BUF', since: '2026-11-23T09:00:00.000Z' } });

  it('warns in amber, and takes it back when scanned again', () => {
    const scan = counterDesk('return', []);
    const other = heldBy('E2');
    expect(scan(other)).toMatchObject({ kind: 'warning', message: { key: 'feedback.otherHolder', params: { holder: 'E2', name: 'Jens Hansen' } } });
    expect(scan(other)).toMatchObject({ kind: 'record', deviceKey: other.key });
  });

  it('takes back the holder’s own device at once', () => {
    expect(counterDesk('return', [])(heldBy('E1'))).toMatchObject({ kind: 'record' });
  });
});

describe('a SIM card scanned right after a phone in a handout', () => {
  const iccid = '8945102000001234561';
  const handedOut = { ...deviceIn('assigned').device, model: 'IP13' };
  const decideSim = (previous: Device | undefined, holder?: Device) =>
    decideScan({ mode: 'handout', settings, place: { location: 'KVIK-1', today: '2026-12-01' }, scan: parseScan(iccid), device: holder, batchKeys: new Set(), models, previous });

  it('pairs the SIM with that phone', () => {
    expect(decideSim(handedOut)).toMatchObject({ kind: 'record', event: 'sim_paired', deviceKey: handedOut.key, data: { iccid } });
  });

  it('is refused without a phone just handed out, and not paired twice', () => {
    expect(decideSim(undefined)).toMatchObject({ kind: 'error', message: { key: 'feedback.simNeedsPhone' } });
    expect(decideSim(fresh)).toMatchObject({ kind: 'error', message: { key: 'feedback.simNeedsPhone' } });
    expect(decideSim({ ...handedOut, sim: iccid })).toMatchObject({ kind: 'warning', message: { key: 'feedback.simAlreadyPaired' } });
  });

  it('is refused red when the SIM is in another employee’s phone (the lookup finds that phone by its ICCID)', () => {
    const other = { ...handedOut, key: 'imei:356938035643809', imei: '356938035643809', sim: iccid, holder: { employeeId: 'E-OTHER', department: 'D1', since: '2026-11-01T08:00:00.000Z' } };
    expect(deviceIdentifiers(other)).toContain(iccid);
    expect(decideSim(handedOut, other)).toMatchObject({ kind: 'error', message: { key: 'feedback.simInUse', params: { iccid } } });
    // Moving from a returned phone, or between one employee's two phones (an exchange), goes ahead.
    expect(decideSim(handedOut, { ...other, status: 'returned' })).toMatchObject({ kind: 'record', event: 'sim_paired' });
    expect(decideSim(handedOut, { ...other, holder: handedOut.holder })).toMatchObject({ kind: 'record', event: 'sim_paired' });
    expect(decideSim({ ...handedOut, sim: iccid }, { ...handedOut, sim: iccid })).toMatchObject({ kind: 'warning', message: { key: 'feedback.simAlreadyPaired' } });
  });

  it('does not stand for its phone outside the pairing and the lookup', () => {
    const other = { ...handedOut, sim: iccid };
    const scan = parseScan(iccid);
    const decide = (mode: 'return' | 'lookup') => decideScan({ mode, settings, place: { location: 'KVIK-1', today: '2026-12-01' }, scan, device: other, batchKeys: new Set(), models });
    expect(decide('lookup')).toMatchObject({ kind: 'show', device: { key: other.key } });
    expect(decide('return')).toMatchObject({ kind: 'error' });
  });

  it('is remembered by the desk only for the scan right after a recorded one', () => {
    const memory = new ScanMemoryKeeper();
    memory.after({ kind: 'record', deviceKey: handedOut.key }, 'batch');
    expect(memory.memory('batch').recorded).toBe(handedOut.key);
    memory.after({ kind: 'error' }, 'batch');
    expect(memory.memory('batch').recorded).toBeUndefined();
  });
});

describe('a request number scanned at the counter', () => {
  const decideRequest = (mode: DecideInput['mode']) =>
    decideScan({ mode, settings, place: { location: 'KVIK-1', today: '2026-12-01' }, scan: parseScan('RITM0012345'), device: undefined, batchKeys: new Set(), models });

  it('is kept for the handout or return, and recorded with each device', () => {
    expect(decideRequest('handout')).toMatchObject({ kind: 'request', requestNumber: 'RITM0012345', settings: { employee: jens, requestNumber: 'RITM0012345' } });
    expect(decideRequest('return')).toMatchObject({ kind: 'request', settings: { requestNumber: 'RITM0012345' } });
    const withRequest = { ...settings, handout: { ...defaults.handout, employee: jens, requestNumber: 'RITM0012345' } };
    const handout = decideScan({ mode: 'handout', settings: withRequest, place: { location: 'KVIK-1', today: '2026-12-01' }, scan: parseScan(fresh.imei!), device: fresh, batchKeys: new Set(), models });
    expect(handout).toMatchObject({ kind: 'record', data: { employeeId: 'E1', requestNumber: 'RITM0012345' } });
  });

  it('is refused where nothing answers a request', () => {
    expect(decideRequest('receive')).toMatchObject({ kind: 'error', message: { key: 'feedback.requestNotHere' } });
    expect(decideRequest('lookup')).toMatchObject({ kind: 'error' });
  });
});

import { describe, expect, it } from 'vitest';
import { deviceStatuses } from '../domain/device';
import { deviceEventSchema, eventTypes, type EventType } from '../domain/event';
import { deviceIn, makeEvent, testId } from '../testing/builders';
import { apply, DeviceReplay, replay } from './apply';
import { describeRefusal } from './refusal';
import { statusesReachableFrom, type FromStatus } from './transitions';

const KEY = 'imei:354381079141772';

/**
 * The lifecycle written out by hand, independent of the transition table: for every status and
 * event, the status it leads to or the refusal code. If the table changes, this must change too.
 */
const expected: Record<FromStatus, Record<EventType, string>> = {
  none: {
    received: '→received', imported: '→ready', prepared: '✗unknown_device', handed_out: '✗unknown_device',
    returned: '✗unknown_device', sent_to_repair: '✗unknown_device', repaired: '✗unknown_device',
    disposed: '✗unknown_device', reported_lost: '✗unknown_device', found: '✗unknown_device',
    moved: '✗unknown_device', transfer_sent: '✗unknown_device', transfer_received: '✗unknown_device',
    transfer_missing: '✗unknown_device', counted: '✗unknown_device', note: '✗unknown_device', receipt: '✗unknown_device', sim_paired: '✗unknown_device', tagged: '✗unknown_device',
    voided: '✗unknown_device', corrected: '✗unknown_device',
  },
  received: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '→ready',
    handed_out: '✗not_prepared', returned: '✗not_assigned', sent_to_repair: '→in_repair',
    repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost', found: '✗not_lost',
    moved: '→received', transfer_sent: '→in_transit', transfer_received: '✗not_in_transit',
    transfer_missing: '✗not_in_transit', counted: '→received', note: '→received', receipt: '→received', sim_paired: '✗not_assigned', tagged: '→received', voided: '→withdrawn',
    corrected: '→received',
  },
  ready: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗already_prepared',
    handed_out: '→assigned', returned: '✗not_assigned', sent_to_repair: '→in_repair',
    repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost', found: '✗not_lost',
    moved: '→ready', transfer_sent: '→in_transit', transfer_received: '✗not_in_transit',
    transfer_missing: '✗not_in_transit', counted: '→ready', note: '→ready', receipt: '→ready', sim_paired: '✗not_assigned', tagged: '→ready', voided: '→withdrawn',
    corrected: '→ready',
  },
  assigned: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗device_assigned',
    handed_out: '✗device_assigned', returned: '→returned', sent_to_repair: '✗device_assigned',
    repaired: '✗device_assigned', disposed: '✗device_assigned', reported_lost: '→lost', found: '✗not_lost',
    moved: '✗device_assigned', transfer_sent: '✗device_assigned', transfer_received: '✗device_assigned',
    transfer_missing: '✗device_assigned', counted: '✗device_assigned', note: '→assigned', receipt: '→assigned', sim_paired: '→assigned', tagged: '→assigned',
    voided: '→withdrawn', corrected: '→assigned',
  },
  returned: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '→ready',
    handed_out: '✗not_prepared', returned: '✗not_assigned', sent_to_repair: '→in_repair',
    repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost', found: '✗not_lost',
    moved: '→returned', transfer_sent: '→in_transit', transfer_received: '✗not_in_transit',
    transfer_missing: '✗not_in_transit', counted: '→returned', note: '→returned', receipt: '→returned', sim_paired: '✗not_assigned', tagged: '→returned', voided: '→withdrawn',
    corrected: '→returned',
  },
  in_repair: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗device_in_repair',
    handed_out: '✗device_in_repair', returned: '✗not_assigned', sent_to_repair: '✗device_in_repair',
    repaired: '→received', disposed: '→disposed', reported_lost: '→lost', found: '✗not_lost',
    moved: '✗device_in_repair', transfer_sent: '✗device_in_repair', transfer_received: '✗device_in_repair',
    transfer_missing: '✗device_in_repair', counted: '✗device_in_repair', note: '→in_repair', receipt: '→in_repair', sim_paired: '✗not_assigned', tagged: '→in_repair',
    voided: '→withdrawn', corrected: '→in_repair',
  },
  in_transit: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗device_in_transit',
    handed_out: '✗device_in_transit', returned: '✗not_assigned', sent_to_repair: '✗device_in_transit',
    repaired: '✗not_in_repair', disposed: '✗device_in_transit', reported_lost: '→lost', found: '✗not_lost',
    moved: '✗device_in_transit', transfer_sent: '✗device_in_transit', transfer_received: '→received',
    transfer_missing: '→in_transit', counted: '✗device_in_transit', note: '→in_transit', receipt: '→in_transit', sim_paired: '✗not_assigned', tagged: '→in_transit', voided: '→withdrawn',
    corrected: '→in_transit',
  },
  disposed: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗device_disposed',
    handed_out: '✗device_disposed', returned: '✗device_disposed', sent_to_repair: '✗device_disposed',
    repaired: '✗device_disposed', disposed: '✗device_disposed', reported_lost: '✗device_disposed',
    found: '✗device_disposed', moved: '✗device_disposed', transfer_sent: '✗device_disposed',
    transfer_received: '✗device_disposed', transfer_missing: '✗device_disposed', counted: '✗device_disposed',
    note: '→disposed', receipt: '→disposed', sim_paired: '✗device_disposed', tagged: '→disposed', voided: '→withdrawn', corrected: '→disposed',
  },
  lost: {
    received: '✗already_registered', imported: '✗already_registered', prepared: '✗device_lost',
    handed_out: '✗device_lost', returned: '✗device_lost', sent_to_repair: '✗device_lost',
    repaired: '✗device_lost', disposed: '✗device_lost', reported_lost: '✗device_lost', found: '→returned',
    moved: '✗device_lost', transfer_sent: '✗device_lost', transfer_received: '✗device_lost',
    transfer_missing: '✗device_lost', counted: '✗device_lost', note: '→lost', receipt: '→lost', sim_paired: '✗device_lost', tagged: '→lost', voided: '→withdrawn',
    corrected: '→lost',
  },
};

const fromStatuses: FromStatus[] = ['none', ...deviceStatuses];

describe('the lifecycle, every status × event', () => {
  for (const status of fromStatuses) {
    for (const type of eventTypes) {
      const want = expected[status][type];
      it(`${status} + ${type} ${want}`, () => {
        const device = status === 'none' ? null : deviceIn(status).device;
        const event = makeEvent(type, KEY, { at: '2026-11-24T10:00:00.000Z' });
        expect(deviceEventSchema.safeParse(event).success).toBe(true);
        const result = apply(device, event);
        if (want === '→withdrawn') {
          expect(result).toEqual({ ok: true, device: null });
        } else if (want.startsWith('→')) {
          expect(result.ok, result.ok ? '' : describeRefusal(result.refusal)).toBe(true);
          if (result.ok) expect(result.device?.status).toBe(want.slice(1));
        } else {
          expect(result).toEqual({ ok: false, refusal: { code: want.slice(1), type, status } });
        }
      });
    }
  }
});

describe('what each event records', () => {
  it('a handout records the holder and counts the handout; a return clears the holder', () => {
    const { device } = deviceIn('ready');
    const out = apply(device, makeEvent('handed_out', KEY, { data: { employeeId: 'E7', department: 'BUF' }, at: '2026-11-24T08:00:00.000Z' }));
    expect(out).toMatchObject({ ok: true, device: { status: 'assigned', handouts: 1, holder: { employeeId: 'E7', department: 'BUF', since: '2026-11-24T08:00:00.000Z' } } });
    const back = apply(out.ok ? out.device : null, makeEvent('returned', KEY, { data: { condition: 'damaged' } }));
    expect(back.ok && back.device).toMatchObject({ status: 'returned', condition: 'damaged' });
    expect(back.ok && back.device?.holder).toBeUndefined();
  });

  it('an unrepairable device comes back as returned and defective, awaiting disposal', () => {
    const { device } = deviceIn('in_repair');
    const result = apply(device, makeEvent('repaired', KEY, { data: { outcome: 'unrepairable' } }));
    expect(result.ok && result.device).toMatchObject({ status: 'returned', condition: 'defective' });
    expect(result.ok && result.device?.repair).toBeUndefined();
  });

  it('statusSince moves only when the status changes', () => {
    const { device } = deviceIn('received');
    const noted = apply(device, makeEvent('note', KEY, { at: '2026-12-01T10:00:00.000Z' }));
    expect(noted.ok && noted.device?.statusSince).toBe(device.statusSince);
    expect(noted.ok && noted.device?.updatedAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('a move changes the location only', () => {
    const { device } = deviceIn('ready');
    const moved = apply(device, makeEvent('moved', KEY, { data: { to: 'KVIK-NORD' } }));
    expect(moved.ok && moved.device).toMatchObject({ status: 'ready', location: 'KVIK-NORD' });
  });

  it('refuses an event for another device', () => {
    const { device } = deviceIn('ready');
    const result = apply(device, makeEvent('note', 'imei:490154203237518'));
    expect(result).toMatchObject({ ok: false, refusal: { code: 'wrong_device' } });
  });
});

describe('corrections', () => {
  /** A device brought to `status`, replayed so the replay knows its latest event. */
  function replayed(status: Parameters<typeof deviceIn>[0]) {
    const { events } = deviceIn(status);
    const replay = new DeviceReplay();
    for (const event of events) replay.step(event);
    return { replay, events, latestId: events.at(-1)?.id ?? '' };
  }

  it('an undo restores the state the log had before the latest event; the desk sends no state', () => {
    const { replay, latestId } = replayed('assigned');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'Forkert medarbejder', undoes: latestId, resolves: undefined } });
    expect(deviceEventSchema.safeParse(undo).success).toBe(true);
    const undone = replay.step(undo);
    expect(undone.ok && undone.device).toMatchObject({ status: 'ready', handouts: 0, lastEventId: undo.id });
    expect(undone.ok && undone.device?.holder).toBeUndefined();
  });

  it('a state sent by a desk is not part of a correction: the schema drops it', () => {
    const undo = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: testId(), resolves: undefined } });
    const parsed = deviceEventSchema.parse({ ...undo, data: { ...undo.data, restore: { key: KEY, holder: 'MALLORY' } } });
    expect(parsed.data).not.toHaveProperty('restore');
  });

  it('an undo of an undo brings the first event back', () => {
    const { replay, latestId } = replayed('assigned');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: latestId, resolves: undefined } });
    replay.step(undo);
    const redo = replay.step(makeEvent('corrected', KEY, { data: { reason: 'y', undoes: undo.id, resolves: undefined } }));
    expect(redo.ok && redo.device).toMatchObject({ status: 'assigned', holder: { employeeId: 'E1001' } });
  });

  it('undo of a registration withdraws the device from the projection', () => {
    const { replay, latestId } = replayed('received');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'Fejlscanning', undoes: latestId, resolves: undefined } });
    expect(replay.step(undo)).toEqual({ ok: true, device: null });
  });

  it('refuses to undo an event that is no longer the latest', () => {
    const { replay, events } = replayed('ready');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: events[0]?.id, resolves: undefined } });
    expect(replay.step(undo)).toMatchObject({ ok: false, refusal: { code: 'undo_not_latest' } });
  });

  it("refuses an undo of another desk's event", () => {
    const { replay, latestId } = replayed('ready');
    const undo = makeEvent('corrected', KEY, { deskId: 'desk-2', data: { reason: 'x', undoes: latestId, resolves: undefined } });
    expect(replay.step(undo)).toMatchObject({ ok: false, refusal: { code: 'undo_other_desk' } });
  });

  it('refuses an undo when the log does not know the state before the event', () => {
    const { device, events } = deviceIn('ready');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: events.at(-1)?.id, resolves: undefined } });
    expect(apply(device, undo)).toMatchObject({ ok: false, refusal: { code: 'undo_unknown' } });
  });

  it('a correction may set a status one ordinary event away, and clears the holder', () => {
    const { device } = deviceIn('assigned');
    const fix = makeEvent('corrected', KEY, { data: { reason: 'Fundet på lageret', set: { status: 'returned' } } });
    const result = apply(device, fix);
    expect(result.ok && result.device).toMatchObject({ status: 'returned', statusSince: fix.at });
    expect(result.ok && result.device?.holder).toBeUndefined();
  });

  it('refuses a correction that jumps where the lifecycle does not go (a disposed device made ready)', () => {
    const { device } = deviceIn('disposed');
    const fix = makeEvent('corrected', KEY, { data: { reason: 'x', set: { status: 'ready' } } });
    expect(apply(device, fix)).toMatchObject({ ok: false, refusal: { code: 'correction_status', status: 'disposed' } });
  });

  it('corrects the model an older event set, keeping status and history', () => {
    const { replay, events } = replayed('assigned');
    const fix = makeEvent('corrected', KEY, { data: { reason: 'Forkert model', corrects: events[0]?.id, set: { model: 'IP15' } } });
    const result = replay.step(fix);
    expect(result.ok && result.device).toMatchObject({ status: 'assigned', model: 'IP15', handouts: 1, holder: { employeeId: 'E1001' } });
  });

  it('corrects the holder of a current handout only', () => {
    const { device: assigned } = deviceIn('assigned');
    const holder = { employeeId: 'E2002', department: 'BUF' };
    const fixed = apply(assigned, makeEvent('corrected', KEY, { data: { reason: 'Forkert medarbejder', set: { holder } } }));
    expect(fixed.ok && fixed.device?.holder).toEqual({ ...holder, since: assigned.holder?.since });
    const { device: ready } = deviceIn('ready');
    expect(apply(ready, makeEvent('corrected', KEY, { data: { reason: 'x', set: { holder } } }))).toMatchObject({
      ok: false,
      refusal: { code: 'correction_holder' },
    });
  });

  it('refuses to change the serial a device is keyed by', () => {
    const key = 'serial:5CD2248XYZ';
    const received = makeEvent('received', key, { data: { kind: 'pc', imei: undefined, serial: '5CD2248XYZ' } });
    const result = replay([received, makeEvent('corrected', key, { data: { reason: 'x', set: { serial: '5CD2248XYQ' } } })]);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'correction_key' } });
  });

  it('the schema refuses a correction that neither undoes, sets nor resolves, and an undo that also sets', () => {
    expect(deviceEventSchema.safeParse(makeEvent('corrected', KEY, { data: { reason: 'x', resolves: undefined } })).success).toBe(false);
    const both = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: testId(), set: { model: 'IP15' }, resolves: undefined } });
    expect(deviceEventSchema.safeParse(both).success).toBe(false);
  });

  it('a void takes a phantom device out of the register', () => {
    const { device } = deviceIn('received');
    expect(apply(device, makeEvent('voided', KEY, { data: { reason: 'Fragment af en IMEI-label' } }))).toEqual({ ok: true, device: null });
  });

  it('lists the statuses a correction may set from each status', () => {
    expect(statusesReachableFrom('assigned')).toEqual(['returned', 'lost']);
    expect(statusesReachableFrom('disposed')).toEqual([]);
    expect(statusesReachableFrom('in_repair')).toEqual(['received', 'returned', 'disposed', 'lost']);
  });
});

describe('content the lifecycle checks', () => {
  it('a device is ready only when wiped and enrolled', () => {
    const { device } = deviceIn('received');
    for (const data of [{ wiped: false, enrolled: true }, { wiped: true, enrolled: false }])
      expect(apply(device, makeEvent('prepared', KEY, { data }))).toMatchObject({ ok: false, refusal: { code: 'prepare_incomplete' } });
  });

  it('a transfer takes a device out of stock and back into the stock status it left, where it arrives', () => {
    const { device } = deviceIn('ready');
    const sent = apply(device, makeEvent('transfer_sent', KEY, { data: { transferId: 'T-7', from: 'LAGER', to: 'KVIK-NORD' } }));
    expect(sent.ok && sent.device).toMatchObject({ status: 'in_transit', transit: { transferId: 'T-7', to: 'KVIK-NORD', stockStatus: 'ready' } });
    const arrived = apply(sent.ok ? sent.device : null, makeEvent('transfer_received', KEY, { location: 'KVIK-NORD', data: { transferId: 'T-7' } }));
    expect(arrived.ok && arrived.device).toMatchObject({ status: 'ready', location: 'KVIK-NORD' });
    expect(arrived.ok && arrived.device?.transit).toBeUndefined();
  });

  it('an imported device enters in the status it really has, with its holder and purchase', () => {
    const event = makeEvent('imported', KEY, {
      data: { status: 'assigned', holder: { employeeId: 'E0001', department: 'ØKF' }, purchaseDate: '2022-01-15', purchasePrice: 549500 },
    });
    expect(deviceEventSchema.safeParse(event).success).toBe(true);
    expect(apply(null, event)).toMatchObject({
      ok: true,
      device: { status: 'assigned', holder: { employeeId: 'E0001' }, handouts: 1, purchaseDate: '2022-01-15', purchasePrice: 549500 },
    });
    const noHolder = makeEvent('imported', KEY, { data: { status: 'assigned' } });
    expect(deviceEventSchema.safeParse(noHolder).success).toBe(false);
  });

  it('a count records when the device was last seen', () => {
    const { device } = deviceIn('ready');
    const counted = apply(device, makeEvent('counted', KEY, { at: '2026-12-02T08:00:00.000Z' }));
    expect(counted.ok && counted.device).toMatchObject({ status: 'ready', lastCountedAt: '2026-12-02T08:00:00.000Z' });
  });
});

describe('event schema', () => {
  it('refuses a disposal without a certificate', () => {
    const bad = makeEvent('disposed', KEY, { data: { certificate: '  ' } });
    expect(deviceEventSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a registration whose key does not match its identifiers', () => {
    const bad = makeEvent('received', 'imei:490154203237518', { data: { imei: '354381079141772' } });
    expect(deviceEventSchema.safeParse(bad).success).toBe(false);
  });

  it('keys a device without a modem by its serial', () => {
    const ok = makeEvent('received', 'serial:5CD2248XYZ', { data: { kind: 'pc', imei: undefined, serial: '5cd2248xyz' } });
    expect(deviceEventSchema.safeParse(ok).success).toBe(true);
    expect(replay([ok])).toMatchObject({ ok: true, device: { key: 'serial:5CD2248XYZ', serial: '5CD2248XYZ' } });
  });
});

describe('a SIM card paired at the counter', () => {
  it('is the phone\'s while handed out, and gone when it comes back', () => {
    const { events } = deviceIn('assigned');
    const paired = replay([...events, makeEvent('sim_paired', KEY, { data: { iccid: '8945102000001234561' } })]);
    expect(paired.ok && paired.device?.sim).toBe('8945102000001234561');
    const back = replay([...events, makeEvent('sim_paired', KEY, { data: { iccid: '8945102000001234561' } }), makeEvent('returned', KEY)]);
    expect(back.ok && back.device).not.toHaveProperty('sim');
  });
});

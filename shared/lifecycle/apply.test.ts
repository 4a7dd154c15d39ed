import { describe, expect, it } from 'vitest';
import { deviceStatuses } from '../domain/device';
import { deviceEventSchema, eventTypes, type EventType } from '../domain/event';
import { deviceIn, makeEvent } from '../testing/builders';
import { apply, replay } from './apply';
import { describeRefusal } from './refusal';
import type { FromStatus } from './transitions';

const KEY = 'imei:354381079141772';

/**
 * The lifecycle written out by hand, independent of the transition table: for every status and
 * event, the status it leads to or the refusal code. If the table changes, this must change too.
 */
const expected: Record<FromStatus, Record<EventType, string>> = {
  none: {
    received: '→received', prepared: '✗unknown_device', handed_out: '✗unknown_device', returned: '✗unknown_device',
    sent_to_repair: '✗unknown_device', repaired: '✗unknown_device', disposed: '✗unknown_device',
    reported_lost: '✗unknown_device', found: '✗unknown_device', moved: '✗unknown_device', note: '✗unknown_device',
    corrected: '✗unknown_device',
  },
  received: {
    received: '✗already_registered', prepared: '→ready', handed_out: '✗not_prepared', returned: '✗not_assigned',
    sent_to_repair: '→in_repair', repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost',
    found: '✗not_lost', moved: '→received', note: '→received', corrected: '→received',
  },
  ready: {
    received: '✗already_registered', prepared: '✗already_prepared', handed_out: '→assigned', returned: '✗not_assigned',
    sent_to_repair: '→in_repair', repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost',
    found: '✗not_lost', moved: '→ready', note: '→ready', corrected: '→ready',
  },
  assigned: {
    received: '✗already_registered', prepared: '✗device_assigned', handed_out: '✗device_assigned', returned: '→returned',
    sent_to_repair: '✗device_assigned', repaired: '✗device_assigned', disposed: '✗device_assigned',
    reported_lost: '→lost', found: '✗not_lost', moved: '✗device_assigned', note: '→assigned', corrected: '→assigned',
  },
  returned: {
    received: '✗already_registered', prepared: '→ready', handed_out: '✗not_prepared', returned: '✗not_assigned',
    sent_to_repair: '→in_repair', repaired: '✗not_in_repair', disposed: '→disposed', reported_lost: '→lost',
    found: '✗not_lost', moved: '→returned', note: '→returned', corrected: '→returned',
  },
  in_repair: {
    received: '✗already_registered', prepared: '✗device_in_repair', handed_out: '✗device_in_repair',
    returned: '✗not_assigned', sent_to_repair: '✗device_in_repair', repaired: '→received', disposed: '→disposed',
    reported_lost: '→lost', found: '✗not_lost', moved: '✗device_in_repair', note: '→in_repair', corrected: '→in_repair',
  },
  disposed: {
    received: '✗already_registered', prepared: '✗device_disposed', handed_out: '✗device_disposed',
    returned: '✗device_disposed', sent_to_repair: '✗device_disposed', repaired: '✗device_disposed',
    disposed: '✗device_disposed', reported_lost: '✗device_disposed', found: '✗device_disposed',
    moved: '✗device_disposed', note: '→disposed', corrected: '→disposed',
  },
  lost: {
    received: '✗already_registered', prepared: '✗device_lost', handed_out: '✗device_lost', returned: '✗device_lost',
    sent_to_repair: '✗device_lost', repaired: '✗device_lost', disposed: '✗device_lost', reported_lost: '✗device_lost',
    found: '→returned', moved: '✗device_lost', note: '→lost', corrected: '→lost',
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
        if (want.startsWith('→')) {
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
  it('undo restores the state before the latest event', () => {
    const { device: before } = deviceIn('ready');
    const handout = makeEvent('handed_out', KEY);
    const after = apply(before, handout);
    if (!after.ok || !after.device) throw new Error('handout refused');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'Forkert medarbejder', undoes: handout.id, restore: before } });
    expect(deviceEventSchema.safeParse(undo).success).toBe(true);
    const undone = apply(after.device, undo);
    expect(undone.ok && undone.device).toMatchObject({ status: 'ready', handouts: 0, lastEventId: undo.id });
    expect(undone.ok && undone.device?.holder).toBeUndefined();
  });

  it('undo of a registration withdraws the device from the projection', () => {
    const { device, events } = deviceIn('received');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'Fejlscanning', undoes: events[0]?.id, restore: null } });
    expect(apply(device, undo)).toEqual({ ok: true, device: null });
  });

  it('refuses to undo an event that is no longer the latest', () => {
    const { device, events } = deviceIn('ready');
    const undo = makeEvent('corrected', KEY, { data: { reason: 'x', undoes: events[0]?.id, restore: null } });
    expect(apply(device, undo)).toMatchObject({ ok: false, refusal: { code: 'undo_not_latest' } });
  });

  it('a conflict resolution may set the status a person found', () => {
    const { device } = deviceIn('assigned');
    const fix = makeEvent('corrected', KEY, { data: { reason: 'Fundet på lageret', set: { status: 'returned' } } });
    const result = apply(device, fix);
    expect(result.ok && result.device).toMatchObject({ status: 'returned', statusSince: fix.at });
    expect(result.ok && result.device?.holder).toBeUndefined();
  });

  it('the schema refuses a correction that says neither what it undoes nor what it resolves', () => {
    const bad = makeEvent('corrected', KEY, { data: { reason: 'x', resolves: undefined } });
    expect(deviceEventSchema.safeParse(bad).success).toBe(false);
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

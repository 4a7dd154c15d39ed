import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Device } from '../domain/device';
import { eventTypes, type DeviceEvent } from '../domain/event';
import { apply } from '../lifecycle/apply';
import { deviceIn, makeEvent } from '../testing/builders';
import { refused, track, trackedOf, type Tracked } from './track';

const IMEI = '354381079141772';
const KEY = `imei:${IMEI}`;

const command = fc.record({
  type: fc.constantFrom(...eventTypes, 'undo', 'other_device'),
  location: fc.constantFrom('LAGER', 'KVIK-NORD', 'KVIK-SYD', undefined),
  to: fc.constantFrom('LAGER', 'KVIK-NORD'),
  department: fc.constantFrom('BUF', 'SOF'),
  outcome: fc.constantFrom('fixed', 'unrepairable'),
  set: fc.constantFrom('received', 'ready', 'returned', 'in_repair', 'disposed', 'lost', undefined),
  setLocation: fc.constantFrom('LAGER', undefined),
  undoes: fc.constantFrom('latest', 'earlier'),
  restore: fc.constantFrom('previous', 'none', 'other_device', 'assigned'),
  minutes: fc.integer({ min: 1, max: 600 }),
});
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** The event a command records on a device whose applied history is `applied` (states before each). */
function eventFor(c: Command, at: string, applied: { event: DeviceEvent; before: Device | null }[]): DeviceEvent {
  const base = { at, location: c.location };
  const event = (() => {
    switch (c.type) {
      case 'other_device':
        return makeEvent('note', 'imei:490154203237518', base);
      case 'undo': {
        const latest = applied[applied.length - 1];
        const target = c.undoes === 'latest' ? latest : applied[0];
        const restore =
          c.restore === 'none' ? null
          : c.restore === 'other_device' ? deviceIn('ready', '490154203237518').device
          : c.restore === 'assigned' ? deviceIn('assigned', IMEI).device
          : (latest?.before ?? null);
        return makeEvent('corrected', KEY, { ...base, data: { reason: 'x', undoes: target?.event.id ?? 'nothing', restore, resolves: undefined } });
      }
      case 'received':
        return makeEvent('received', KEY, { ...base, data: { imei: IMEI, model: 'iPhone 13' } });
      case 'handed_out':
        return makeEvent('handed_out', KEY, { ...base, data: { department: c.department, employeeId: 'E9' } });
      case 'repaired':
        return makeEvent('repaired', KEY, { ...base, data: { outcome: c.outcome } });
      case 'moved':
        return makeEvent('moved', KEY, { ...base, data: { to: c.to } });
      case 'corrected':
        return makeEvent('corrected', KEY, { ...base, data: { set: c.set && { status: c.set, location: c.setLocation } } });
      default:
        return makeEvent(c.type, KEY, base);
    }
  })();
  // Some desks record no location: the event then happens wherever the device is.
  return c.location === undefined ? { ...event, location: undefined } : event;
}

describe('track is apply, narrowed', () => {
  it('gives the same verdict and the same tracked fields after every event of random histories', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let device: Device | null = null;
        let tracked: Tracked | null = null;
        let ms = Date.parse('2026-01-01T08:00:00.000Z');
        const applied: { event: DeviceEvent; before: Device | null }[] = [];
        for (const c of commands) {
          ms += c.minutes * 60_000;
          const event = eventFor(c, new Date(ms).toISOString(), applied);
          const full = apply(device, event);
          const narrow = track(tracked, event);
          expect(narrow !== refused).toBe(full.ok);
          if (!full.ok || narrow === refused) continue;
          expect(narrow).toEqual(full.device && trackedOf(full.device));
          applied.push({ event, before: device });
          device = full.device;
          tracked = narrow;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the holder through a correction that leaves the device assigned, and drops it otherwise', () => {
    const { device } = deviceIn('assigned', IMEI);
    const keep = track(trackedOf(device), makeEvent('corrected', KEY, { data: { reason: 'x' } }));
    expect(keep !== refused && keep?.holder?.department).toBe('ØKF');
    const drop = track(trackedOf(device), makeEvent('corrected', KEY, { data: { reason: 'x', set: { status: 'returned' } } }));
    expect(drop).toMatchObject({ status: 'returned', holder: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/builders';
import type { Device } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import {
  eventsByDevice,
  handoutsBefore,
  projectDevices,
  replayLog,
  replaySince,
  stateBefore,
  visitHistories,
  whereRecorded,
  type DeviceHistory,
  type ReportEvents,
} from './history';
import { imei, keyOf, lifeOf, merge } from './scenario.test-support';

const phone = (n: number) => ({ kind: 'phone', model: 'iPhone 13', imei: imei(n) }) as const;
const at = (iso: string) => Date.parse(iso);

/** Everything the visitor is shown, collected. */
function historiesSince(devices: readonly Device[], events: readonly DeviceEvent[], fromMs: number) {
  const unchanged: Device[] = [];
  const changed: DeviceHistory[] = [];
  const incomplete = visitHistories(devices, events, fromMs, { unchanged: (d) => unchanged.push(d), changed: (h) => changed.push(h) });
  return { unchanged, changed, incomplete };
}

describe('histories since an instant', () => {
  const untouched = lifeOf(phone(1), [{ type: 'received', at: '2026-11-01T08:00:00.000Z' }]);
  const touched = lifeOf(phone(2), [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T09:00:00.000Z' },
  ]);
  const events = merge(untouched, touched);
  const devices = projectDevices(events);

  it('keeps untouched devices as they are and replays the touched ones from registration', () => {
    const { unchanged, changed, incomplete } = historiesSince(devices, events, at('2026-11-24T00:00:00.000Z'));
    expect(unchanged.map((d) => d.key)).toEqual([keyOf(phone(1))]);
    expect(changed.map((h) => [h.key, h.steps.length, h.complete])).toEqual([[keyOf(phone(2)), 3, true]]);
    expect(incomplete).toEqual([]);
  });

  it('reads the state before an instant, the instant itself excluded', () => {
    const [history] = historiesSince(devices, events, at('2026-11-24T00:00:00.000Z')).changed;
    if (!history) throw new Error('no history');
    expect(stateBefore(history, at('2026-11-01T08:00:00.000Z'))).toBeNull();
    expect(stateBefore(history, at('2026-11-01T08:00:00.001Z'))?.status).toBe('received');
    expect(stateBefore(history, at('2026-11-24T09:00:00.000Z'))?.status).toBe('ready');
    expect(stateBefore(history, at('2026-11-25T00:00:00.000Z'))?.status).toBe('assigned');
    expect(handoutsBefore(history, 2)).toBe(0);
    expect(whereRecorded(history.steps[2] ?? history.steps[0]!)).toBe('KVIK-NORD');
  });

  it('finds a device the caller has no projection of by replaying it', () => {
    const { changed } = historiesSince([], events, at('2026-11-24T00:00:00.000Z'));
    expect(changed[0]).toMatchObject({ complete: true, current: { key: keyOf(phone(2)), status: 'assigned' } });
  });

  it('calls a history incomplete when it does not replay to the projection', () => {
    const recent = events.filter((e) => e.at >= '2026-11-02T00:00:00.000Z');
    const { changed, incomplete } = historiesSince(devices, recent, at('2026-11-24T00:00:00.000Z'));
    expect(incomplete).toEqual([keyOf(phone(2))]);
    // Taken as it is now, its events at face value.
    expect(changed[0]?.steps.map((s) => s.event.type)).toEqual(['prepared', 'handed_out']);
    expect(stateBefore(changed[0]!, at('2026-11-01T00:00:00.000Z'))?.status).toBe('assigned');
    expect(handoutsBefore(changed[0]!, 1)).toBe(0);
  });
});

describe('corrections and clocks', () => {
  it('an undo of an undo brings the first event back', () => {
    const events = lifeOf(phone(3), [
      { type: 'received', at: '2026-11-24T08:00:00.000Z' },
      { type: 'prepared', at: '2026-11-24T08:10:00.000Z' },
      { type: 'handed_out', at: '2026-11-24T09:00:00.000Z' },
      { type: 'undo', at: '2026-11-24T09:05:00.000Z' },
      { type: 'undo', at: '2026-11-24T09:10:00.000Z' },
    ]);
    const [history] = historiesSince(projectDevices(events), events, 0).changed;
    const [, , handout, undo] = events;
    expect(history?.undone).toEqual(new Set([undo?.id]));
    expect(history?.undone.has(handout?.id ?? '')).toBe(false);
    expect(history?.current?.status).toBe('assigned');
  });

  it('never lets a step go back in time when a desk clock was behind', () => {
    const events = lifeOf(phone(4), [
      { type: 'received', at: '2026-11-24T10:00:00.000Z' },
      { type: 'prepared', at: '2026-11-24T09:00:00.000Z' }, // a slow desk clock
      { type: 'moved', at: '2026-11-24T11:00:00.000Z', data: { to: 'LAGER' } },
    ]);
    const [history] = historiesSince(projectDevices(events), events, 0).changed;
    expect(history?.steps.map((s) => new Date(s.atMs).toISOString())).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T11:00:00.000Z',
    ]);
  });

  it('projects devices as the server does: refusals skipped, withdrawn registrations gone', () => {
    const kept = lifeOf(phone(5), [{ type: 'received', at: '2026-11-24T08:00:00.000Z' }]);
    const withdrawn = lifeOf(phone(6), [
      { type: 'received', at: '2026-11-24T08:00:00.000Z' },
      { type: 'undo', at: '2026-11-24T08:01:00.000Z' },
    ]);
    const refused = makeEvent('returned', keyOf(phone(5)), { at: '2026-11-24T09:00:00.000Z' });
    const devices = projectDevices([...kept, ...withdrawn, refused]);
    expect(devices.map((d) => [d.key, d.status])).toEqual([[keyOf(phone(5)), 'received']]);
  });
});

describe('a log replayed once', () => {
  const quiet = lifeOf(phone(7), [{ type: 'received', at: '2026-10-02T08:00:00.000Z' }]);
  const busy = lifeOf(phone(8), [
    { type: 'received', at: '2026-10-02T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-20T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-03T09:00:00.000Z' },
    { type: 'undo', at: '2026-11-03T09:05:00.000Z' },
  ]);
  const early = lifeOf(phone(9), [
    { type: 'received', at: '2026-10-02T08:00:00.000Z' },
    { type: 'prepared', at: '2026-10-15T08:00:00.000Z' },
  ]);
  const late = lifeOf(phone(10), [
    { type: 'received', at: '2026-10-02T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-20T08:00:00.000Z' },
  ]);
  // A refused event (a conflict the projection skipped) on one device.
  const refused = makeEvent('returned', keyOf(phone(9)), { at: '2026-11-21T09:00:00.000Z' });
  const events = merge(quiet, busy, early, late, [refused]);
  // One projection that its replay does not reach (its early history is missing elsewhere).
  const devices = projectDevices(events).map((d) => (d.key === keyOf(phone(10)) ? { ...d, location: 'LAGER' } : d));

  /** Every call the visitor gets, in order. */
  function calls(source: ReportEvents, fromMs: number): unknown[] {
    const seen: unknown[] = [];
    const incomplete = replaySince(devices, source, fromMs, {
      unchanged: (device) => seen.push(['unchanged', device]),
      start: (key) => (seen.push(['start', key]), key),
      step: (key, event, atMs, before, after) => seen.push(['step', key, event.id, atMs, before, after]),
      end: (key, current, complete) => seen.push(['end', key, current, complete]),
    });
    return [...seen, ['incomplete', incomplete]];
  }

  it('shows every report from any later instant exactly what its own replay shows', () => {
    const logStart = at('2026-10-01T00:00:00.000Z');
    for (const source of [events, eventsByDevice(events)]) {
      const log = replayLog(source, logStart);
      for (const from of ['2026-10-01T00:00:00.000Z', '2026-10-16T00:00:00.000Z', '2026-11-04T00:00:00.000Z', '2026-11-21T00:00:00.000Z', '2026-12-01T00:00:00.000Z']) {
        expect(calls(log, at(from)), from).toEqual(calls(source, at(from)));
        const histories = (input: ReportEvents) => {
          const changed: DeviceHistory[] = [];
          const incomplete = visitHistories(devices, input, at(from), { unchanged: () => undefined, changed: (h) => changed.push(h) });
          return { changed, incomplete };
        };
        expect(histories(log), from).toEqual(histories(source));
      }
    }
  });

  it('replays again, from its events, for an instant before its own', () => {
    const log = replayLog(events, at('2026-11-04T00:00:00.000Z'));
    const from = at('2026-10-16T00:00:00.000Z');
    expect(calls(log, from)).toEqual(calls(events, from));
    expect(replayLog(log, from).fromMs).toBe(from);
  });
});

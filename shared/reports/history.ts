import type { Device, DeviceKey } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { apply } from '../lifecycle/apply';
import { instant, isAtOrAfter } from './calendar';

/**
 * How the reports see the past: a device's state at an earlier instant is found by replaying its
 * events forward with `apply`, not by walking back from the projection. Walking back loses what
 * later events do not repeat (the repair vendor of a device repaired since, the department of a
 * holding that ended since, a moved device's former location), and the figures must be exact.
 *
 * So a report starting at `from` needs, besides every device's current projection, *every event of
 * each device that has an event at or after `from`*, in the order they were applied (server `seq`,
 * then the desk's pending events). Devices with no event since `from` are constant over the
 * report: their projection is their state throughout. More events than that are allowed and
 * ignored. A device whose events do not replay to its projection (its earlier history is not in
 * the store) is reported in `incomplete` and taken as it is now.
 */

export interface HistoryStep {
  event: DeviceEvent;
  /**
   * When the event took effect: its `at`, but never before the step ahead of it. Server order
   * decides state and desk clocks drift, so a late-arriving earlier `at` does not reorder.
   */
  atMs: number;
  /** The device before and after the event; `null` before registration or after a withdrawn one. */
  before: Device | null;
  after: Device | null;
}

export interface DeviceHistory {
  key: DeviceKey;
  /** The current projection (the replayed end state when the caller had none). */
  current: Device | null;
  /**
   * The applied events in order; refused ones (conflicts) are left out as the projection left
   * them out. For an incomplete history: the device's events at face value, `before` and `after`
   * both the current projection.
   */
  steps: HistoryStep[];
  complete: boolean;
  /** Ids of applied events that a later applied correction undid (and no later one redid). */
  undone: ReadonlySet<string>;
}

export interface Histories {
  /** Devices with no event since `from`: constant at their projection. */
  unchanged: Device[];
  /** Devices with at least one event since `from`, replayed from their registration. */
  changed: DeviceHistory[];
  /** Keys of changed devices whose events did not replay to their projection. */
  incomplete: DeviceKey[];
}

export function historiesSince(
  devices: readonly Device[],
  events: readonly DeviceEvent[],
  fromMs: number,
): Histories {
  const from = instant(fromMs);
  const touched = new Set<string>();
  for (const event of events) if (isAtOrAfter(event.at, from)) touched.add(event.deviceKey);

  const byDevice = new Map<string, DeviceEvent[]>();
  for (const event of events) {
    if (!touched.has(event.deviceKey)) continue;
    const list = byDevice.get(event.deviceKey);
    if (list) list.push(event);
    else byDevice.set(event.deviceKey, [event]);
  }

  const unchanged: Device[] = [];
  const projections = new Map<string, Device>();
  for (const device of devices) {
    if (touched.has(device.key)) projections.set(device.key, device);
    else unchanged.push(device);
  }

  const changed: DeviceHistory[] = [];
  const incomplete: DeviceKey[] = [];
  for (const [key, list] of byDevice) {
    const history = replayHistory(key, list, projections.get(key) ?? null);
    changed.push(history);
    if (!history.complete) incomplete.push(key);
  }
  return { unchanged, changed, incomplete };
}

function replayHistory(key: DeviceKey, events: readonly DeviceEvent[], projection: Device | null): DeviceHistory {
  const steps: HistoryStep[] = [];
  const undo = undoTracker();
  let state: Device | null = null;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    const result = apply(state, event);
    if (!result.ok) continue;
    lastMs = Math.max(Date.parse(event.at), lastMs);
    steps.push({ event, atMs: lastMs, before: state, after: result.device });
    undo.see(event);
    state = result.device;
  }
  const replayedTo = state?.lastEventId ?? null;
  const complete = projection === null || projection.lastEventId === replayedTo;
  if (complete) return { key, current: projection ?? state, steps, complete, undone: undo.undone };
  return faceValue(key, events, projection);
}

/** The events as recorded, when the replay cannot be trusted: the device is taken as it is now. */
function faceValue(key: DeviceKey, events: readonly DeviceEvent[], current: Device | null): DeviceHistory {
  const undo = undoTracker();
  let lastMs = Number.NEGATIVE_INFINITY;
  const steps = events.map((event) => {
    lastMs = Math.max(Date.parse(event.at), lastMs);
    undo.see(event);
    return { event, atMs: lastMs, before: current, after: current };
  });
  return { key, current, steps, complete: false, undone: undo.undone };
}

/** Which events stand undone: an undo of an undo brings the first event back. */
function undoTracker(): { see(event: DeviceEvent): void; undone: Set<string> } {
  const undone = new Set<string>();
  const undid = new Map<string, string>();
  return {
    undone,
    see(event) {
      if (event.type !== 'corrected' || !event.data.undoes) return;
      const target = event.data.undoes;
      undone.add(target);
      undid.set(event.id, target);
      const redone = undid.get(target);
      if (redone !== undefined) undone.delete(redone);
    },
  };
}

/** The device as it stood just before `ms` (after every step earlier than `ms`). */
export function stateBefore(history: DeviceHistory, ms: number): Device | null {
  if (!history.complete) return history.current;
  let state: Device | null = null;
  for (const step of history.steps) {
    if (step.atMs >= ms) break;
    state = step.after;
  }
  return state;
}

/** Where an event happened: the desk's location, else where the device was. */
export function whereRecorded(step: HistoryStep): string | undefined {
  return step.event.location ?? step.before?.location ?? step.after?.location;
}

/**
 * How many times the device had been handed out before step `index`. Exact from the replay; for an
 * incomplete history, the projection's count less the handouts that stand from this one on.
 */
export function handoutsBefore(history: DeviceHistory, index: number): number {
  const step = history.steps[index];
  if (!step) return 0;
  if (history.complete) return step.before?.handouts ?? 0;
  let later = 0;
  for (let i = index; i < history.steps.length; i++) {
    const { event } = history.steps[i] as HistoryStep;
    if (event.type === 'handed_out' && !history.undone.has(event.id)) later++;
  }
  return Math.max(0, (history.current?.handouts ?? 0) - later);
}

/** Every device the events describe, projected with `apply`; refused events are skipped as the server skips conflicts. */
export function projectDevices(events: readonly DeviceEvent[]): Device[] {
  const states = new Map<string, Device | null>();
  for (const event of events) {
    const result = apply(states.get(event.deviceKey) ?? null, event);
    if (result.ok) states.set(event.deviceKey, result.device);
  }
  return [...states.values()].filter((device): device is Device => device !== null);
}

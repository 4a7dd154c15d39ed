import type { Device, DeviceKey } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { DeviceReplay } from '../lifecycle/apply';
import { instant, instantOf, isAtOrAfter } from './calendar';

/**
 * How the reports see the past: a device's state at an earlier instant is found by replaying its
 * events forward, not by walking back from the projection. Walking back loses what later events do
 * not repeat (the repair vendor of a device repaired since, the department of a holding that ended
 * since, a moved device's former location), and the figures must be exact.
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
  /** Ids of applied events that a later applied correction undid (and no later one redid), by now. */
  undone: ReadonlySet<string>;
}

/** What a report does with each device: the untouched ones as they are, the others replayed. */
export interface HistoryVisitor {
  /** A device with no event since `from`: constant at its projection. */
  unchanged(device: Device): void;
  /** A device with at least one event since `from`, replayed from its registration. */
  changed(history: DeviceHistory): void;
}

/**
 * What a report does with each device, step by step, in the order the events were applied: the
 * untouched devices once, as they are; for each touched one a `run` (the report's own accumulator)
 * that sees every applied step of that device in order, interleaved with other devices' steps,
 * and finally whether its replay reached its projection.
 */
export interface StepVisitor<R> {
  unchanged(device: Device): void;
  start(key: DeviceKey): R;
  /** One applied event; the parts of a `HistoryStep`, passed apart so a long replay allocates less. */
  step(run: R, event: DeviceEvent, atMs: number, before: Device | null, after: Device | null): void;
  /**
   * `current`: the projection (or, without one, the replayed end state). `complete: false`: the
   * replay did not reach the projection, so what the run saw cannot be trusted.
   */
  end(run: R, current: Device | null, complete: boolean): void;
}

/** A touched device at the end of its replay: the report's run and the state it reached. */
interface Replayed<R> {
  run: R;
  state: Device | null;
}

/**
 * The events a report reads, in one of three shapes (see the top of this file for which):
 * - a flat list in the order they were applied, any superset of what is needed;
 * - each device's events in their order, keyed by device: what a store indexed by device key
 *   returns, and cheaper, since the report need not find and gather them itself;
 * - either of them replayed once (`replayLog`), for a report of several figures.
 */
export type ReportEvents = readonly DeviceEvent[] | ReadonlyMap<string, readonly DeviceEvent[]> | ReplayedLog;

/** One touched device of a `ReplayedLog`: its events as read, its applied steps, where it ended. */
interface ReplayedDevice {
  events: readonly DeviceEvent[];
  steps: readonly HistoryStep[];
  state: Device | null;
}

/**
 * The third shape of `ReportEvents`: the log replayed once (`replayLog`), each touched device's
 * steps kept. A report made of several figures over the same log (the monthly summary and the
 * statement, with the quarter's bill) replays it once and passes this to each: every figure sees
 * the same steps it would have replayed itself, for any `from` at or after the log's own.
 */
export class ReplayedLog {
  constructor(
    readonly fromMs: number,
    readonly touched: ReadonlyMap<string, ReplayedDevice>,
    /** The events it was replayed from: an incomplete device is taken at face value from them. */
    readonly source: Exclude<ReportEvents, ReplayedLog>,
  ) {}
}

/**
 * Replays each device with an event at or after `fromMs` once, from its registration, as
 * `replaySince` does, and keeps the steps: for reports whose figures all start at or after `fromMs`.
 */
export function replayLog(events: ReportEvents, fromMs: number): ReplayedLog {
  if (events instanceof ReplayedLog && events.fromMs <= fromMs) return events;
  const source = events instanceof ReplayedLog ? events.source : events;
  const from = instant(fromMs);
  const touched = new Map<string, ReplayedDevice>();
  const byDevice = isEventList(source) ? touchedByDevice(source, from) : source;
  for (const [key, list] of byDevice) {
    if (!list.some((event) => isAtOrAfter(event.at, from))) continue;
    const steps: HistoryStep[] = [];
    const state = replayDevice(key, list, (event, atMs, before, after) => steps.push({ event, atMs, before, after }));
    touched.set(key, { events: list, steps, state });
  }
  return new ReplayedLog(fromMs, touched, source);
}

/**
 * The one replay loop of the reports: each device touched since `from` is replayed from its
 * registration, device after device. A flat list is grouped by device first; events given by
 * device (what a store indexed by device key returns) are used as they are. Returns the keys of touched devices whose replay did not reach
 * their projection.
 */
export function replaySince<R>(
  devices: readonly Device[],
  events: ReportEvents,
  fromMs: number,
  visitor: StepVisitor<R>,
): DeviceKey[] {
  if (events instanceof ReplayedLog && events.fromMs <= fromMs) return replayedSince(devices, events, fromMs, visitor);
  const from = instant(fromMs);
  const touched = new Map<string, Replayed<R>>();
  // A flat list is grouped by device first (touched devices only): replaying one device's events
  // back to back is faster than walking half a million events across all devices at once.
  const source = events instanceof ReplayedLog ? events.source : events;
  const byDevice = isEventList(source) ? touchedByDevice(source, from) : source;
  for (const [key, list] of byDevice) {
    if (!list.some((event) => isAtOrAfter(event.at, from))) continue;
    const run = visitor.start(key);
    const state = replayDevice(key, list, (event, atMs, before, after) => visitor.step(run, event, atMs, before, after));
    touched.set(key, { run, state });
  }
  return finish(devices, touched, visitor);
}

/**
 * One device's events through `apply`, the one lifecycle, in order: each applied step to `onStep`
 * (a refused event, a conflict, is skipped as the projection skipped it). Returns where it ended.
 */
function replayDevice(
  key: string,
  list: readonly DeviceEvent[],
  onStep: (event: DeviceEvent, atMs: number, before: Device | null, after: Device | null) => void,
): Device | null {
  const replay = new DeviceReplay();
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const event of list) {
    if (event.deviceKey !== key) continue;
    const before = replay.state;
    const result = replay.step(event);
    if (!result.ok) continue;
    const atMs = Math.max(instantOf(event.at), lastMs);
    onStep(event, atMs, before, result.device);
    lastMs = atMs;
  }
  return replay.state;
}

/** `replaySince` over a log replayed once: the same calls to `visitor`, in the same order. */
function replayedSince<R>(devices: readonly Device[], log: ReplayedLog, fromMs: number, visitor: StepVisitor<R>): DeviceKey[] {
  const from = instant(fromMs);
  const touched = new Map<string, Replayed<R>>();
  // In the order its own replay would take them: a flat list's by each device's first event since `from`.
  const order = isEventList(log.source) ? touchedKeys(log.source, from) : log.touched.keys();
  for (const key of order) {
    const device = log.touched.get(key);
    if (!device?.events.some((event) => isAtOrAfter(event.at, from))) continue;
    const run = visitor.start(key);
    for (const step of device.steps) visitor.step(run, step.event, step.atMs, step.before, step.after);
    touched.set(key, { run, state: device.state });
  }
  return finish(devices, touched, visitor);
}

/** The untouched devices as they are, then each touched device's end against its projection. */
function finish<R>(devices: readonly Device[], touched: ReadonlyMap<string, Replayed<R>>, visitor: StepVisitor<R>): DeviceKey[] {
  const projections = new Map<string, Device>();
  for (const device of devices) {
    if (touched.has(device.key)) projections.set(device.key, device);
    else visitor.unchanged(device);
  }
  const incomplete: DeviceKey[] = [];
  for (const [key, { run, state }] of touched) {
    const projection = projections.get(key);
    const complete = projection === undefined || replaysTo(state, projection);
    if (!complete) incomplete.push(key);
    visitor.end(run, projection ?? state, complete);
  }
  return incomplete;
}

/**
 * Whether a replay reached the projection: the same last event AND the same state in what the
 * reports read of it (status, location, holder, kind, model). The last event alone is not enough:
 * when the central inventory sequences the desk's events in an order of its own, the replay in
 * applied order can skip an event the desk applied (refused in that order) and still end on the
 * same last event, in another state than the projection shows. Such a device is incomplete, taken
 * as it is now, like one whose early history is missing: otherwise a report whose period the
 * device's events fall before (which takes it as its projection) and one whose period they fall in
 * (which replays it), or a digest (which always replays), would disagree about the same device.
 */
function replaysTo(state: Device | null, projection: Device): boolean {
  if (state === null || state.lastEventId !== projection.lastEventId) return false;
  return (
    state.status === projection.status &&
    (state.location ?? null) === (projection.location ?? null) &&
    state.kind === projection.kind &&
    (state.model ?? null) === (projection.model ?? null) &&
    (state.holder?.department ?? null) === (projection.holder?.department ?? null) &&
    (state.holder?.employeeId ?? null) === (projection.holder?.employeeId ?? null) &&
    (state.holder?.since ?? null) === (projection.holder?.since ?? null)
  );
}

/** Each device with an event at or after `from`, with all its events in the list's order. */
function touchedByDevice(events: readonly DeviceEvent[], from: ReturnType<typeof instant>): Map<string, DeviceEvent[]> {
  const byDevice = new Map<string, DeviceEvent[]>([...touchedKeys(events, from)].map((key) => [key, []]));
  for (const event of events) byDevice.get(event.deviceKey)?.push(event);
  return byDevice;
}

/** The devices with an event at or after `from`, in the order of their first such event. */
function touchedKeys(events: readonly DeviceEvent[], from: ReturnType<typeof instant>): Set<string> {
  const keys = new Set<string>();
  for (const event of events) if (isAtOrAfter(event.at, from)) keys.add(event.deviceKey);
  return keys;
}

function isEventList(events: ReportEvents): events is readonly DeviceEvent[] {
  return Array.isArray(events);
}

/** Events grouped by device, each device's in the order given: the second shape of `ReportEvents`. */
export function eventsByDevice(events: readonly DeviceEvent[]): Map<string, DeviceEvent[]> {
  const byDevice = new Map<string, DeviceEvent[]>();
  for (const event of events) {
    const list = byDevice.get(event.deviceKey);
    if (list) list.push(event);
    else byDevice.set(event.deviceKey, [event]);
  }
  return byDevice;
}

/**
 * `replaySince` with each touched device's whole history in hand at once (its steps, which of
 * them a later correction undid): for reports over a few days, whose questions look ahead.
 */
export function visitHistories(
  devices: readonly Device[],
  events: ReportEvents,
  fromMs: number,
  visitor: HistoryVisitor,
): DeviceKey[] {
  const histories: DeviceHistory[] = [];
  const incomplete = replaySince<{ key: DeviceKey; steps: HistoryStep[] }>(devices, events, fromMs, {
    unchanged: (device) => visitor.unchanged(device),
    start: (key) => ({ key, steps: [] }),
    step: ({ steps }, event, atMs, before, after) => steps.push({ event, atMs, before, after }),
    end: ({ key, steps }, current, complete) => {
      const undo = new UndoTracker();
      for (const step of steps) undo.see(step.event);
      histories.push({ key, current, steps, complete, undone: undo.undone });
    },
  });
  // An incomplete device is taken at face value: every event the desk recorded, refused ones too.
  const recorded = new Map<string, DeviceEvent[]>(incomplete.map((key) => [key, []]));
  if (recorded.size > 0) {
    const source = events instanceof ReplayedLog ? events.source : events;
    const all = isEventList(source) ? source : [...source.values()].flat();
    for (const event of all) recorded.get(event.deviceKey)?.push(event);
  }
  for (const history of histories) {
    visitor.changed(history.complete ? history : faceValue(history.key, recorded.get(history.key) ?? [], history.current));
  }
  return incomplete;
}

/** The events as recorded, when the replay cannot be trusted: the device is taken as it is now. */
function faceValue(key: DeviceKey, events: readonly DeviceEvent[], current: Device | null): DeviceHistory {
  const undo = new UndoTracker();
  let lastMs = Number.NEGATIVE_INFINITY;
  const steps = events.map((event) => {
    lastMs = Math.max(instantOf(event.at), lastMs);
    undo.see(event);
    return { event, atMs: lastMs, before: current, after: current };
  });
  return { key, current, steps, complete: false, undone: undo.undone };
}

const noneUndone: ReadonlySet<string> = new Set();

/**
 * Which events stand undone: an undo of an undo brings the first event back. Built only for the
 * few devices that have an undo: a quarter replays tens of thousands of devices.
 */
class UndoTracker {
  undone: ReadonlySet<string> = noneUndone;
  private sets: { undone: Set<string>; undid: Map<string, string> } | null = null;

  see(event: DeviceEvent): void {
    if (event.type !== 'corrected' || !event.data.undoes) return;
    if (!this.sets) {
      this.sets = { undone: new Set(), undid: new Map() };
      this.undone = this.sets.undone;
    }
    const { undone, undid } = this.sets;
    const target = event.data.undoes;
    undone.add(target);
    undid.set(event.id, target);
    const redone = undid.get(target);
    if (redone !== undefined) undone.delete(redone);
  }
}

/**
 * The events that stood undone just before `ms`. A day's report reads the log as it stood when the
 * day ended: an event undone on a later day still counts on its own day (and its correction on the
 * day it was made), so a day's printed report never changes afterwards.
 */
export function undoneBefore(history: DeviceHistory, ms: number): ReadonlySet<string> {
  if (history.undone.size === 0 && !history.steps.some((step) => step.event.type === 'corrected')) return noneUndone;
  const undo = new UndoTracker();
  for (const step of history.steps) {
    if (step.atMs >= ms) break;
    undo.see(step.event);
  }
  return undo.undone;
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
    const event = history.steps[i]?.event;
    if (event?.type === 'handed_out' && !history.undone.has(event.id)) later++;
  }
  return Math.max(0, (history.current?.handouts ?? 0) - later);
}

/** Every device the events describe, projected with `apply`; refused events are skipped as the server skips conflicts. */
export function projectDevices(events: readonly DeviceEvent[]): Device[] {
  const replays = new Map<string, DeviceReplay>();
  for (const event of events) {
    let replay = replays.get(event.deviceKey);
    if (!replay) replays.set(event.deviceKey, (replay = new DeviceReplay()));
    replay.step(event);
  }
  return [...replays.values()].flatMap(({ state }) => (state ? [state] : []));
}

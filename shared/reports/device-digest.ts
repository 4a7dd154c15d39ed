import { isInStock, type Device, type DeviceKey, type DeviceKind, type StockStatus } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { instantOf } from './calendar';
import { handoutsBefore, visitHistories, whereRecorded, type DeviceHistory } from './history';
import { compareText } from './order';

/**
 * What the long reports need to know about one device, taken from its whole history once, so a
 * store can keep it beside the log (updated with every event of the device) and a quarter or a
 * month is summed from these instead of replaying half a million events per question.
 *
 * Nothing here depends on the report's period, location or time zone: a digest is a device's
 * spans in time, and the reports cut them into days (`trends.ts`, `department-billing.ts`). The
 * full replay goes through the same functions (`holdingsOfHistory`, `stockSpansOf`,
 * `handoutsOf`), so a report read from digests and one replayed from the log are the same report.
 *
 * Bump `DIGEST_VERSION` whenever what a digest holds or means changes: stores rebuild them from
 * the log when the version they hold differs.
 */
export const DIGEST_VERSION = 2;

/** One span in which a device stood assigned to one holder (the department report's line). */
export interface HoldingSpan {
  deviceKey: DeviceKey;
  /** The device's kind and model when the holding began. */
  kind: DeviceKind;
  model: string | null;
  department: string;
  employeeId: string;
  startMs: number;
  /** `Infinity` while still held. */
  endMs: number;
  /** The event that ended it, so an undo of that event can put it back (only while replaying). */
  endedBy?: string;
}

/**
 * A span on the shelf at a location: the device stands there in `status` when a day ends at any
 * instant `e` with `fromMs < e ≤ toMs` (a step at `atMs` counts for day ends after it). An
 * untouched or incomplete device: `-Infinity` to `Infinity`.
 */
export interface StockSpan {
  deviceKey: DeviceKey;
  /** Null for a device whose location is not known (it counts only where every location does). */
  location: string | null;
  status: StockStatus;
  fromMs: number;
  toMs: number;
}

/** A handout as the trend counts it. */
export interface HandoutMark {
  deviceKey: DeviceKey;
  atMs: number;
  /** Where it was recorded (`whereRecorded`); null when nowhere is known. */
  location: string | null;
  /** The device had been handed out before (a reuse). */
  reused: boolean;
  /**
   * The instants at which a correction undid it or redid it, in order: it stands undone at `ms`
   * when an odd number of them are before `ms` (`isUndoneBefore`). Empty for nearly every handout.
   */
  undoneFlips: number[];
}

export interface DeviceDigest {
  deviceKey: DeviceKey;
  holdings: HoldingSpan[];
  stock: StockSpan[];
  handouts: HandoutMark[];
  /**
   * Set when the device's events do not replay to its projection (its early history is not in the
   * store): `lastAtMs` is its latest event's `at`, since a report lists such a device as incomplete
   * when it has an event at or after the report's start.
   */
  incomplete: { lastAtMs: number } | null;
  /**
   * Set for a device with events but no projection (withdrawn, or a bootstrap still under way): a
   * report counts its replay only when it has an event at or after the report's start, as it
   * reads no other history of it (`history.ts`); before that it is no device.
   */
  unprojected: { lastAtMs: number } | null;
}

/** The digest of one device from its projection (null when withdrawn) and every event of it, in applied order. */
export function digestDevice(key: DeviceKey, current: Device | null, events: readonly DeviceEvent[]): DeviceDigest {
  let digest: DeviceDigest = { deviceKey: key, holdings: [], stock: [], handouts: [], incomplete: null, unprojected: null };
  // From the epoch: every device with an event is replayed from its registration.
  visitHistories(current ? [current] : [], new Map([[key, events]]), 0, {
    unchanged(device) {
      digest = digestUnchanged(device);
    },
    changed(history) {
      digest = digestHistory(history, events, current !== null);
    },
  });
  return digest;
}

/** A device with no events in the store: as it is now, at all times. */
export function digestUnchanged(device: Device): DeviceDigest {
  return { deviceKey: device.key, holdings: heldNow(device), stock: stockNow(device), handouts: [], incomplete: null, unprojected: null };
}

function digestHistory(history: DeviceHistory, events: readonly DeviceEvent[], projected: boolean): DeviceDigest {
  const { key, current, complete } = history;
  const lastAtMs = events.reduce((latest, event) => Math.max(latest, instantOf(event.at)), Number.NEGATIVE_INFINITY);
  return {
    deviceKey: key,
    holdings: complete ? holdingsOfHistory(history) : current ? heldNow(current) : [],
    stock: stockSpansOf(history),
    handouts: handoutsOf(history),
    incomplete: complete ? null : { lastAtMs },
    unprojected: projected ? null : { lastAtMs },
  };
}

/** The holding a device's projection shows, from its holder's `since` on (an untouched or incomplete device). */
export function heldNow(device: Device): HoldingSpan[] {
  if (device.status !== 'assigned' || !device.holder) return [];
  const { department, employeeId, since } = device.holder;
  return [
    { deviceKey: device.key, kind: device.kind, model: device.model ?? null, department, employeeId, startMs: instantOf(since), endMs: Number.POSITIVE_INFINITY },
  ];
}

function holdingsOfHistory(history: DeviceHistory): HoldingSpan[] {
  const holdings = new Holdings();
  for (const step of history.steps) holdings.see(step.event, step.atMs, step.after);
  return holdings.finish();
}

/** The holdings in one device's replay, step by step: spans in which it stood assigned to one holder. */
export class Holdings {
  private found: HoldingSpan[] = [];
  private open: HoldingSpan | null = null;

  see(event: DeviceEvent, atMs: number, after: Device | null): void {
    const holder = after?.status === 'assigned' ? after.holder : undefined;
    const open = this.open;
    if (open && !(holder && holder.department === open.department && holder.employeeId === open.employeeId)) {
      open.endMs = atMs;
      open.endedBy = event.id;
      this.found.push(open);
      this.open = null;
    }
    if (!holder || !after || this.open) return;
    const last = this.found[this.found.length - 1];
    const reinstated =
      event.type === 'corrected' &&
      last !== undefined &&
      last.endedBy === event.data.undoes &&
      last.department === holder.department &&
      last.employeeId === holder.employeeId;
    if (reinstated) {
      this.found.pop();
      this.open = { ...last, endMs: Number.POSITIVE_INFINITY, endedBy: undefined };
    } else {
      const { key, kind, model } = after;
      this.open = { deviceKey: key, kind, model: model ?? null, department: holder.department, employeeId: holder.employeeId, startMs: atMs, endMs: Number.POSITIVE_INFINITY };
    }
  }

  /** The holdings found, without the replay's bookkeeping. */
  finish(): HoldingSpan[] {
    const all = this.open ? [...this.found, this.open] : this.found;
    return all.map(({ endedBy: _endedBy, ...holding }) => holding);
  }
}

function stockNow(device: Device | null): StockSpan[] {
  if (!device || !isInStock(device.status)) return [];
  return [{ deviceKey: device.key, location: device.location ?? null, status: device.status, fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY }];
}

/** The device's spans on a shelf, consecutive steps in the same place and status joined. */
export function stockSpansOf(history: DeviceHistory): StockSpan[] {
  if (!history.complete) return stockNow(history.current);
  const spans: StockSpan[] = [];
  let open: StockSpan | null = null;
  for (const { atMs, after } of history.steps) {
    const here = after && isInStock(after.status) ? { location: after.location ?? null, status: after.status } : null;
    if (open && here && open.location === here.location && open.status === here.status) continue;
    if (open) {
      open.toMs = atMs;
      spans.push(open);
      open = null;
    }
    if (here) open = { deviceKey: history.key, ...here, fromMs: atMs, toMs: Number.POSITIVE_INFINITY };
  }
  if (open) spans.push(open);
  return spans;
}

/** Every handout in the history, with whether it was a reuse and when corrections undid or redid it. */
export function handoutsOf(history: DeviceHistory): HandoutMark[] {
  const byId = new Map<string, HandoutMark>();
  history.steps.forEach((step, index) => {
    if (step.event.type !== 'handed_out') return;
    byId.set(step.event.id, { deviceKey: history.key, atMs: step.atMs, location: whereRecorded(step) ?? null, reused: handoutsBefore(history, index) > 0, undoneFlips: [] });
  });
  if (byId.size > 0 && history.steps.some((step) => step.event.type === 'corrected')) noteUndoFlips(history, byId);
  return [...byId.values()];
}

/** The bookkeeping of `undoneBefore`, step by step, noting when each handout's state changes. */
function noteUndoFlips(history: DeviceHistory, marks: ReadonlyMap<string, HandoutMark>): void {
  const undone = new Set<string>();
  const undid = new Map<string, string>();
  for (const { event, atMs } of history.steps) {
    if (event.type !== 'corrected' || !event.data.undoes) continue;
    const target = event.data.undoes;
    if (!undone.has(target)) marks.get(target)?.undoneFlips.push(atMs);
    undone.add(target);
    undid.set(event.id, target);
    const redone = undid.get(target);
    if (redone !== undefined && undone.delete(redone)) marks.get(redone)?.undoneFlips.push(atMs);
  }
}

/** Whether a handout stood undone just before `ms` (after every correction earlier than `ms`). */
export function isUndoneBefore(mark: HandoutMark, ms: number): boolean {
  let flips = 0;
  for (const at of mark.undoneFlips) if (at < ms) flips++;
  return flips % 2 === 1;
}

/** Keys in one order on desk and server: a report's `incomplete` list. */
export function sortedKeys(keys: Iterable<DeviceKey>): DeviceKey[] {
  return [...keys].sort(compareText);
}

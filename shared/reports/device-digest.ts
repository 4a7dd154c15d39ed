import { isInStock, type Device, type DeviceKey, type DeviceKind, type DisposalMethod, type StockStatus } from '../domain/device';
import type { DeviceEvent } from '../domain/event';
import { instantOf } from './calendar';
import { chargeReason, type ResidualChargeReason } from '../fleet/charge-events';
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
export const DIGEST_VERSION = 3;

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
  /** The device's `statusSince` throughout the span (idle days count from it; a move keeps it). */
  sinceMs: number;
}

/** A span out for repair, as the monthly summary lists it when the month ends in it (`fromMs < e ≤ toMs`). */
export interface RepairSpan {
  deviceKey: DeviceKey;
  fromMs: number;
  toMs: number;
  /** Since when it is out (`repair.since`, else `statusSince`). */
  sinceMs: number;
  vendor: string;
  model: string | null;
}

/** A handout as the trend counts it. */
export interface HandoutMark {
  deviceKey: DeviceKey;
  atMs: number;
  /** Where it was recorded (`whereRecorded`); null when nowhere is known. */
  location: string | null;
  /** The device had been handed out before (a reuse). */
  reused: boolean;
  /** The device's kind and model as handed out (what a reuse saved buying new). */
  kind: DeviceKind;
  model: string | null;
  /**
   * The instants at which a correction undid it or redid it, in order: it stands undone at `ms`
   * when an odd number of them are before `ms` (`isUndoneBefore`). Empty for nearly every handout.
   */
  undoneFlips: number[];
}

/**
 * An event the monthly summary or the statement counts, with when corrections undid or redid it
 * (`undoneFlips`, as a handout's). `charge`: a holding ended by loss or a damaged return — what
 * the department pays the residual value of (`shared/fleet/residual-charges.ts`); only from a
 * complete history, the device as it stood before the event.
 */
interface MarkBase {
  deviceKey: DeviceKey;
  atMs: number;
  undoneFlips: number[];
}
export type EventMark =
  | (MarkBase & { type: 'returned' | 'sent_to_repair' | 'repaired' })
  | (MarkBase & { type: 'disposed'; model: string | null; method: DisposalMethod; certificate: string })
  | (MarkBase & {
      type: 'charge';
      reason: ResidualChargeReason;
      department: string;
      employeeId: string;
      model: string | null;
      purchaseDate: string | null;
      purchasePrice: number | null;
    });
export type EventMarkType = EventMark['type'];
export const eventMarkTypes: readonly EventMarkType[] = ['returned', 'sent_to_repair', 'repaired', 'disposed', 'charge'];

export interface DeviceDigest {
  deviceKey: DeviceKey;
  holdings: HoldingSpan[];
  stock: StockSpan[];
  repairs: RepairSpan[];
  handouts: HandoutMark[];
  marks: EventMark[];
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
  let digest: DeviceDigest = { deviceKey: key, holdings: [], stock: [], repairs: [], handouts: [], marks: [], incomplete: null, unprojected: null };
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
  return { deviceKey: device.key, holdings: heldNow(device), stock: stockNow(device), repairs: repairNow(device), handouts: [], marks: [], incomplete: null, unprojected: null };
}

function digestHistory(history: DeviceHistory, events: readonly DeviceEvent[], projected: boolean): DeviceDigest {
  const { key, current, complete } = history;
  const lastAtMs = events.reduce((latest, event) => Math.max(latest, instantOf(event.at)), Number.NEGATIVE_INFINITY);
  return {
    deviceKey: key,
    holdings: complete ? holdingsOfHistory(history) : current ? heldNow(current) : [],
    stock: stockSpansOf(history),
    repairs: repairSpansOf(history),
    handouts: handoutsOf(history),
    marks: marksOf(history),
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

const { NEGATIVE_INFINITY, POSITIVE_INFINITY } = Number;

/**
 * Since when a device stands in its status. A device stored before `statusSince` existed (an old
 * desk's store) has none: then its last change, else its receipt — a digest is made on every write
 * and must not fail on old data.
 */
function sinceOf(device: Device): number {
  const at = device.statusSince ?? device.updatedAt ?? device.receivedAt;
  return at ? instantOf(at) : 0;
}

/** What a device's state puts on a shelf: its place, status and since when. */
function shelfOf(device: Device | null): Omit<StockSpan, 'deviceKey' | 'fromMs' | 'toMs'> | null {
  if (!device || !isInStock(device.status)) return null;
  return { location: device.location ?? null, status: device.status, sinceMs: sinceOf(device) };
}

/** What a device's state puts out for repair. */
function repairOf(device: Device | null): Omit<RepairSpan, 'deviceKey' | 'fromMs' | 'toMs'> | null {
  if (!device || device.status !== 'in_repair') return null;
  return { sinceMs: device.repair?.since ? instantOf(device.repair.since) : sinceOf(device), vendor: device.repair?.vendor ?? '', model: device.model ?? null };
}

function stockNow(device: Device | null): StockSpan[] {
  const here = shelfOf(device);
  return device && here ? [{ deviceKey: device.key, ...here, fromMs: NEGATIVE_INFINITY, toMs: POSITIVE_INFINITY }] : [];
}

function repairNow(device: Device | null): RepairSpan[] {
  const here = repairOf(device);
  return device && here ? [{ deviceKey: device.key, ...here, fromMs: NEGATIVE_INFINITY, toMs: POSITIVE_INFINITY }] : [];
}

/**
 * Spans of one of a device's states (`stateOf`: null outside it), consecutive steps in an equal
 * state joined; an incomplete history: its current state, always.
 */
function spansOf<S extends object>(
  history: DeviceHistory,
  stateOf: (device: Device | null) => S | null,
  same: (a: S, b: S) => boolean,
): Array<S & { deviceKey: DeviceKey; fromMs: number; toMs: number }> {
  type Span = S & { deviceKey: DeviceKey; fromMs: number; toMs: number };
  const always = (): Span[] => {
    const here = stateOf(history.current);
    return here ? [{ ...here, deviceKey: history.key, fromMs: NEGATIVE_INFINITY, toMs: POSITIVE_INFINITY }] : [];
  };
  if (!history.complete) return always();
  const spans: Span[] = [];
  let open: Span | null = null;
  let openState: S | null = null;
  for (const { atMs, after } of history.steps) {
    const here = stateOf(after);
    if (open && here && openState && same(openState, here)) continue;
    if (open) {
      open.toMs = atMs;
      spans.push(open);
      open = null;
    }
    if (here) open = { ...here, deviceKey: history.key, fromMs: atMs, toMs: POSITIVE_INFINITY };
    openState = here;
  }
  if (open) spans.push(open);
  return spans;
}

/** The device's spans on a shelf, consecutive steps in the same place, status and `statusSince` joined. */
export function stockSpansOf(history: DeviceHistory): StockSpan[] {
  return spansOf(history, shelfOf, (a, b) => a.location === b.location && a.status === b.status && a.sinceMs === b.sinceMs);
}

/** The device's spans out for repair, consecutive steps with the same vendor, since and model joined. */
export function repairSpansOf(history: DeviceHistory): RepairSpan[] {
  return spansOf(history, repairOf, (a, b) => a.sinceMs === b.sinceMs && a.vendor === b.vendor && a.model === b.model);
}

/** Every handout in the history, with whether it was a reuse and when corrections undid or redid it. */
export function handoutsOf(history: DeviceHistory): HandoutMark[] {
  const byId = new Map<string, HandoutMark>();
  history.steps.forEach((step, index) => {
    if (step.event.type !== 'handed_out') return;
    const described = step.after ?? history.current;
    byId.set(step.event.id, {
      deviceKey: history.key,
      atMs: step.atMs,
      location: whereRecorded(step) ?? null,
      reused: handoutsBefore(history, index) > 0,
      kind: described?.kind ?? 'phone',
      model: described?.model ?? null,
      undoneFlips: [],
    });
  });
  if (byId.size > 0 && history.steps.some((step) => step.event.type === 'corrected')) noteUndoFlips(history, (id, ms) => byId.get(id)?.undoneFlips.push(ms));
  return [...byId.values()];
}

/**
 * The events the monthly summary and the statement count (`EventMark`), with when corrections
 * undid or redid them. One event may make two marks (a damaged return: a return and a charge).
 */
export function marksOf(history: DeviceHistory): EventMark[] {
  const marks: EventMark[] = [];
  const byId = new Map<string, Array<{ undoneFlips: number[] }>>();
  const add = (id: string, mark: EventMark) => {
    marks.push(mark);
    const list = byId.get(id);
    if (list) list.push(mark);
    else byId.set(id, [mark]);
  };
  const { key: deviceKey } = history;
  for (const { event, atMs, before, after } of history.steps) {
    const base = () => ({ deviceKey, atMs, undoneFlips: [] as number[] });
    if (event.type === 'returned' || event.type === 'sent_to_repair' || event.type === 'repaired') add(event.id, { ...base(), type: event.type });
    else if (event.type === 'disposed') add(event.id, { ...base(), type: 'disposed', model: after?.model ?? null, method: event.data.method, certificate: event.data.certificate });
    // What the department held pays the residual value: only a replayed, trusted, holding.
    const reason = chargeReason(event);
    if (reason && history.complete && before?.status === 'assigned' && before.holder) {
      add(event.id, {
        ...base(),
        type: 'charge',
        reason,
        department: before.holder.department,
        employeeId: before.holder.employeeId,
        model: before.model ?? null,
        purchaseDate: before.purchaseDate ?? null,
        purchasePrice: before.purchasePrice ?? null,
      });
    }
  }
  if (marks.length > 0 && history.steps.some((step) => step.event.type === 'corrected')) {
    noteUndoFlips(history, (id, ms) => byId.get(id)?.forEach((mark) => mark.undoneFlips.push(ms)));
  }
  return marks;
}

/** The bookkeeping of `undoneBefore`, step by step: `flip(id, ms)` whenever an event becomes undone or redone. */
function noteUndoFlips(history: DeviceHistory, flip: (eventId: string, ms: number) => void): void {
  const undone = new Set<string>();
  const undid = new Map<string, string>();
  for (const { event, atMs } of history.steps) {
    if (event.type !== 'corrected' || !event.data.undoes) continue;
    const target = event.data.undoes;
    if (!undone.has(target)) flip(target, atMs);
    undone.add(target);
    undid.set(event.id, target);
    const redone = undid.get(target);
    if (redone !== undefined && undone.delete(redone)) flip(redone, atMs);
  }
}

/** Whether a handout or mark stood undone just before `ms` (after every correction earlier than `ms`). */
export function isUndoneBefore(mark: Pick<HandoutMark, 'undoneFlips'>, ms: number): boolean {
  let flips = 0;
  for (const at of mark.undoneFlips) if (at < ms) flips++;
  return flips % 2 === 1;
}

/** Keys in one order on desk and server: a report's `incomplete` list. */
export function sortedKeys(keys: Iterable<DeviceKey>): DeviceKey[] {
  return [...keys].sort(compareText);
}

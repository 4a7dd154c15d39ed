import type { Device, DeviceKind, DeviceStatus } from '../../../shared/domain/device';
import { deviceEventSchema, type DeviceEvent, type EventData, type EventType } from '../../../shared/domain/event';
import { seedDepartments } from '../../../shared/domain/reference';
import { DeviceReplay } from '../../../shared/lifecycle/apply';
import { makeEvent } from '../../../shared/testing/builders';

/**
 * A deterministic fleet for benchmarks: `devices` devices living through `events` valid events
 * over two years at ~15 locations, handed out to the nine departments in the seeds' proportions
 * (table 1). Every event passes through `apply` as it is made (an invalid move throws), so the
 * projections returned are exactly what replaying the events gives. Same seed, same fleet.
 */

export interface FleetOptions {
  devices?: number;
  events?: number;
  seed?: number;
  /** The first and last instant of the simulated time. */
  start?: string;
  end?: string;
  /** Kvikskranker besides the central warehouse `LAGER`. */
  desks?: number;
}

export interface Fleet {
  devices: Device[];
  /** In server order: by `at`, one device's events in their own order. */
  events: DeviceEvent[];
  locations: string[];
  start: string;
  end: string;
}

/** sfc32: small, fast, and good enough to make a realistic fleet from one number. */
export function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

const models: Record<DeviceKind, string[]> = {
  phone: ['iPhone 13', 'iPhone 15', 'Samsung Galaxy A54', 'Samsung Galaxy XCover 7'],
  tablet: ['iPad 10', 'Samsung Galaxy Tab A9'],
  pc: ['Lenovo ThinkPad T14', 'HP EliteBook 840', 'Dell Latitude 5440'],
};
const vendors = ['Reparationsværkstedet', 'Fixit ApS', 'MobilDoktor'];
const initials = ['AB', 'CD', 'EF', 'GH', 'IJ', 'KL'];

export function generateFleet(options: FleetOptions = {}): Fleet {
  const {
    devices: deviceCount = 100_000,
    events: eventCount = 1_000_000,
    seed = 20_261_124,
    start = '2024-11-30T23:00:00.000Z',
    end = '2026-11-30T23:00:00.000Z',
    desks = 14,
  } = options;
  if (eventCount < deviceCount) throw new Error('every device needs at least its registration');
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + random() * (high - low);
  const chance = (p: number) => random() < p;
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  const locations = ['LAGER', ...Array.from({ length: desks }, (_, i) => `KVIK-${String(i + 1).padStart(2, '0')}`)];
  const deskLocations = locations.slice(1);
  const weights = seedDepartments.map((d) => d.devicesJune2023 ?? 1);
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const department = () => {
    let r = random() * weightTotal;
    for (const [i, w] of weights.entries()) if ((r -= w) < 0) return seedDepartments[i]?.id ?? 'ØKF';
    return 'ØKF';
  };

  // Each device's share of the events: 3–17 (10 on average), then nudged to the exact total.
  const budgets = Array.from({ length: deviceCount }, () => 3 + Math.floor(random() * 15));
  let diff = eventCount - budgets.reduce((s, n) => s + n, 0);
  while (diff !== 0) {
    const i = Math.floor(random() * deviceCount);
    const n = budgets[i] as number;
    if (diff > 0) { budgets[i] = n + 1; diff--; }
    else if (n > 1) { budgets[i] = n - 1; diff++; }
  }

  const all: DeviceEvent[] = [];
  const times: number[] = [];
  const devices: Device[] = [];
  let idCounter = 0;
  const uuid7 = (ms: number) => {
    const hex = ms.toString(16).padStart(12, '0');
    const rand = (idCounter++).toString(16).padStart(12, '0');
    const r = Math.floor(random() * 0x1000).toString(16).padStart(3, '0');
    const variant = (8 + Math.floor(random() * 4)).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r}-${variant}${rand.slice(0, 3)}-${rand.slice(3, 12).padStart(12, '0')}`;
  };

  for (let n = 0; n < deviceCount; n++) {
    const budget = budgets[n] as number;
    const kind: DeviceKind = chance(0.35) ? 'phone' : chance(0.3) ? 'tablet' : 'pc';
    const identity =
      kind === 'pc'
        ? { serial: `PF${n.toString(36).toUpperCase().padStart(6, '0')}`, imei: undefined }
        : { imei: luhnComplete(`35${String(n).padStart(12, '0')}`) };
    const key = identity.imei ? `imei:${identity.imei}` : `serial:${identity.serial}`;
    let location = chance(0.6) ? 'LAGER' : pick(deskLocations);
    const operatorAt = (loc: string) => `${loc === 'LAGER' ? 'LG' : loc.slice(5)}-${pick(initials)}`;
    // A third arrive with the migration in the first month, the rest over the two years.
    let t = chance(0.3) ? startMs + random() * 30 * DAY : between(startMs, endMs - 60 * DAY);
    let state: Device | null = null;
    const replay = new DeviceReplay();
    let made = 0;

    const record = <T extends EventType>(type: T, data: EventData<T>, time: number, where = location) => {
      const at = Math.floor(time);
      const event = makeEvent(type, key, {
        id: uuid7(at),
        at: new Date(at).toISOString(),
        deskId: `desk-${where}`,
        operator: operatorAt(where),
        location: where,
        data,
      });
      const result = replay.step(event);
      if (!result.ok) throw new Error(`generator made an invalid ${type} on ${state?.status ?? 'nothing'}: ${result.refusal.code}`);
      const step = { event, before: state, after: result.device };
      all.push(event);
      times.push(at);
      made++;
      return step;
    };

    state = record('received', { kind, model: pick(models[kind]), ...identity }, t).after;
    while (made < budget && state) {
      const next = nextStep(state.status, location, budget - made, chance);
      const gap = gapFor(next, random);
      if (t + gap >= endMs) break;
      t += gap;
      let step;
      switch (next) {
        case 'moved': {
          const to = location === 'LAGER' ? pick(deskLocations) : chance(0.7) ? 'LAGER' : pick(deskLocations);
          step = record('moved', { to }, t, location);
          break;
        }
        case 'prepared':
          step = record('prepared', { wiped: true, enrolled: true }, t);
          break;
        case 'handed_out':
          step = record('handed_out', { employeeId: `E${String(Math.floor(random() * 1e6)).padStart(6, '0')}`, department: department() }, t);
          break;
        case 'returned':
          step = record('returned', { condition: chance(0.75) ? 'ok' : chance(0.6) ? 'damaged' : 'defective' }, t, pick(deskLocations));
          break;
        case 'sent_to_repair':
          step = record('sent_to_repair', { vendor: pick(vendors), ticket: `R-${Math.floor(random() * 1e5)}` }, t);
          break;
        case 'repaired':
          step = record('repaired', { outcome: chance(0.85) ? 'fixed' : 'unrepairable' }, t);
          break;
        case 'disposed':
          step = record('disposed', { method: pick(['recycled', 'destroyed', 'resold'] as const), certificate: `CERT-${n}` }, t);
          break;
        case 'reported_lost':
          step = record('reported_lost', {}, t);
          break;
        case 'found':
          step = record('found', {}, t, pick(deskLocations));
          break;
        case 'note':
          step = record('note', { text: 'Ridse på skærmen' }, t);
          break;
      }
      state = step.after;
      location = state?.location ?? location;
      // About one event in a hundred is a mistake undone a few minutes later.
      if (made < budget && chance(0.01)) {
        t += between(1, 30) * MINUTE;
        // Undone at the desk that recorded it: only that desk may undo its event.
        state = record('corrected', { reason: 'Fejlregistrering', undoes: step.event.id }, t, step.event.location).after;
        location = state?.location ?? location;
      }
    }
    // What the budget has left becomes notes, in order, between the last event and the end.
    for (let left = budget - made; left > 0; left--) {
      t += Math.max(1, Math.floor((random() * (endMs - t)) / (left + 1)));
      state = record('note', { text: 'Kontrolleret ved optælling' }, t).after;
    }
    if (state) devices.push(state);
  }

  // Copied in server order, as a store hands them out (IndexedDB clones them, pg parses rows): the
  // objects then lie in memory in the order the reports read them, not device by device.
  const order = Array.from(all.keys()).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  const events = order.map((i) => structuredClone(all[i] as DeviceEvent));
  return { devices: devices.map((device) => structuredClone(device)), events, locations, start, end };
}

type Step = Extract<
  EventType,
  'moved' | 'prepared' | 'handed_out' | 'returned' | 'sent_to_repair' | 'repaired' | 'disposed' | 'reported_lost' | 'found' | 'note'
>;

function nextStep(status: DeviceStatus, location: string, left: number, chance: (p: number) => boolean): Step {
  // A device's last events take it out to someone: most of a fleet is in use, not on a shelf.
  if (left <= 3 && (status === 'received' || status === 'returned')) return 'prepared';
  if (left <= 2 && status === 'ready') return 'handed_out';
  if (left <= 1 && status === 'assigned') return 'note';
  if (chance(0.05)) return 'note';
  switch (status) {
    case 'received':
      if (chance(0.03)) return 'sent_to_repair';
      if (chance(0.005)) return 'disposed';
      return location === 'LAGER' && chance(0.5) ? 'moved' : 'prepared';
    case 'ready':
      if (chance(0.005)) return 'reported_lost';
      return location === 'LAGER' && chance(0.6) ? 'moved' : 'handed_out';
    case 'assigned':
      return chance(0.02) ? 'reported_lost' : 'returned';
    case 'returned':
      return chance(0.7) ? 'prepared' : chance(0.67) ? 'sent_to_repair' : 'disposed';
    case 'in_repair':
      return chance(0.05) ? 'disposed' : 'repaired';
    case 'lost':
      return chance(0.3) ? 'found' : 'note';
    case 'disposed':
    case 'in_transit':
      return 'note';
  }
}

function gapFor(step: Step, random: () => number): number {
  const days = (low: number, high: number) => (low + random() * (high - low)) * DAY;
  switch (step) {
    case 'moved':
      return days(0.2, 5);
    case 'prepared':
      return days(0.1, 10);
    case 'handed_out':
      return days(0.2, 20);
    case 'returned':
      return days(15, 240);
    case 'sent_to_repair':
      return days(0.5, 7);
    case 'repaired':
      return days(3, 30);
    case 'found':
      return days(5, 60);
    default:
      return days(0.5, 60);
  }
}

/** 14 digits and their Luhn check digit: a valid IMEI. */
export function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Checks every `every`-th event (and the first of each type) against the schema; returns how many were checked. */
export function validateSample(events: readonly DeviceEvent[], every = 100): number {
  const seen = new Set<string>();
  let checked = 0;
  events.forEach((event, i) => {
    if (i % every !== 0 && seen.has(event.type)) return;
    seen.add(event.type);
    const parsed = deviceEventSchema.safeParse(event);
    if (!parsed.success) throw new Error(`generated event ${event.id} (${event.type}) is invalid: ${parsed.error.message}`);
    checked++;
  });
  return checked;
}

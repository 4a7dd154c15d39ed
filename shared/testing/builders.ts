import type { Device, DeviceStatus } from '../domain/device';
import type { DeviceEvent, EventData, EventType } from '../domain/event';
import { replay } from '../lifecycle/apply';

/**
 * Builders for tests of the desk, the server and the reports: valid events with sensible data,
 * deterministic ids and times, so a test states only what it is about.
 */

let counter = 0;

/** A valid UUIDv7-shaped id, unique within the process, ordered by creation. */
export function testId(n = ++counter): string {
  return `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const defaultData: { [T in EventType]: EventData<T> } = {
  received: { kind: 'phone', imei: '354381079141772' },
  imported: { kind: 'phone', imei: '354381079141772', status: 'ready', location: 'LAGER' },
  prepared: { wiped: true, enrolled: true },
  handed_out: { employeeId: 'E1001', department: 'ØKF' },
  returned: { condition: 'ok' },
  sent_to_repair: { vendor: 'Reparationsværkstedet', ticket: 'R-1' },
  repaired: { outcome: 'fixed' },
  disposed: { method: 'recycled', certificate: 'CERT-2026-001' },
  reported_lost: {},
  found: {},
  moved: { to: 'LAGER' },
  transfer_sent: { transferId: 'T-1', from: 'LAGER', to: 'KVIK-1' },
  transfer_received: { transferId: 'T-1' },
  transfer_missing: { transferId: 'T-1' },
  counted: { countId: 'C-1' },
  note: { text: 'Ridse på skærmen' },
  receipt: {
    receiptId: 'K-1',
    of: 'handed_out',
    employee: { id: 'E1001', name: 'Søren Ærø', department: 'ØKF' },
    devices: [{ deviceKey: 'imei:490154203237518', model: 'iPhone 13', imei: '490154203237518' }],
    language: 'da',
    terms: 'Enheden tilhører Københavns Kommune.',
  },
  sim_paired: { iccid: '8945000000000000005' },
  tagged: { assetTag: 'KK000123', source: 'preprinted' },
  voided: { reason: 'Fejlscanning' },
  corrected: { reason: 'Fejlscanning', resolves: '0190a000-0000-7000-8000-ffffffffffff' },
};

export interface EventOptions<T extends EventType> {
  data?: Partial<EventData<T>>;
  at?: string;
  id?: string;
  deskId?: string;
  operator?: string;
  location?: string;
}

export function makeEvent<T extends EventType>(type: T, deviceKey: string, options: EventOptions<T> = {}): DeviceEvent {
  return {
    id: options.id ?? testId(),
    type,
    deviceKey,
    at: options.at ?? '2026-11-23T09:00:00.000Z',
    deskId: options.deskId ?? 'desk-1',
    operator: options.operator ?? 'AB',
    ...(options.location !== undefined ? { location: options.location } : { location: 'LAGER' }),
    data: { ...defaultData[type], ...options.data },
  } as DeviceEvent;
}

/** The shortest path of events that brings a new device to `status`. */
export const pathTo: Record<DeviceStatus, EventType[]> = {
  received: ['received'],
  ready: ['received', 'prepared'],
  assigned: ['received', 'prepared', 'handed_out'],
  returned: ['received', 'prepared', 'handed_out', 'returned'],
  in_repair: ['received', 'sent_to_repair'],
  in_transit: ['received', 'transfer_sent'],
  disposed: ['received', 'disposed'],
  lost: ['received', 'reported_lost'],
};

/** A device with the given IMEI brought to `status` through the real lifecycle. */
export function deviceIn(status: DeviceStatus, imei = '354381079141772'): { device: Device; events: DeviceEvent[] } {
  const key = `imei:${imei}`;
  const events = pathTo[status].map((type) =>
    makeEvent(type, key, type === 'received' ? { data: { imei } } : {}),
  );
  const result = replay(events);
  if (!result.ok || !result.device) throw new Error(`cannot build a device in ${status}`);
  return { device: result.device, events };
}

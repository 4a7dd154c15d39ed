import Dexie from 'dexie';
import type { Device } from '../../shared/domain/device';
import { deviceKeyFor } from '../../shared/domain/device-key';
import type { DeviceEvent } from '../../shared/domain/event';
import type { Model } from '../../shared/domain/reference';
import type { Accessory } from '../../shared/accessories/catalogue';
import { defaultTimeZone, localDayOf } from '../../shared/reports/calendar';
import type { ParsedScan } from '../../shared/scan/parse';
import type { KvikDb, StoredDevice } from '../store/db';
import { findDevice, findEmployee, scanIdentifiers } from '../store/lookup';
import { recordEvent } from '../store/record';
import { readRowsAhead } from '../store/report-rows';
import { whenCommitted } from '../store/on-commit';
import { decideScan, type Decision, type Message } from './decide';
import { deviceLabel } from './device-label';
import { newEvent, type DeskContext } from './desk-context';
import type { Mode } from './modes';
import type { ScanMemory } from './scan-memory';
import { workflows, type BatchSettings } from './workflows';
import { markScan } from './scan-marks';

export type Tone = 'good' | 'warning' | 'error' | 'info';

/** What the operator sees and hears after a scan. */
export interface ScanOutcome {
  tone: Tone;
  message: Message;
  decision: Decision;
  event?: DeviceEvent;
  device?: Device | null;
  /** The device before the recorded event (what an undo restores). */
  prior?: StoredDevice | null;
}

export interface ScanState {
  mode: Mode;
  settings: BatchSettings;
  batchKeys: ReadonlySet<string>;
  models: readonly Model[];
  memory?: ScanMemory | undefined;
  /** The accessory catalogue (a GTIN may be a charger's box). */
  accessories?: readonly Accessory[] | undefined;
}

/**
 * One scan, start to finish (read by `readScan`): find the device by any identifier, decide with the workflow's
 * rules, and record the event (one transaction) before returning what to show. Commands, model
 * choices and lookups come back as decisions for the screen to act on.
 */
export async function performScan(
  db: KvikDb,
  ctx: DeskContext,
  state: ScanState,
  scan: ParsedScan,
  options: {
    now?: Date;
    /** Called with the outcome the moment the transaction has committed, before the promise resolves (`on-commit.ts`). */
    committed?: (outcome: ScanOutcome) => void;
  } = {},
): Promise<ScanOutcome> {
  const { now = new Date(), committed } = options;
  // The lookup and the write share one transaction: one round trip fewer on the scan path, and
  // nothing can change the device between deciding and recording.
  return db.transaction('rw', [db.devices, db.events, db.outbox, db.employees, db.departments], async () => {
    const outcome = await decideAndRecord(db, ctx, state, scan, now);
    if (committed) whenCommitted(() => committed(outcome));
    return outcome;
  });
}

async function decideAndRecord(db: KvikDb, ctx: DeskContext, state: ScanState, scan: ParsedScan, now: Date): Promise<ScanOutcome> {
  markScan('tx-open');
  // A SIM card or a pre-printed asset tag goes with the device the scan before recorded.
  const followsDevice = scan.kind === 'iccid' || scan.kind === 'asset_tag';
  const recordedBefore = followsDevice ? state.memory?.recorded : undefined;
  // Every read the scan needs, made at once: one round trip.
  const lookup = Promise.all([
    findDevice(db, scanIdentifiers(scan)),
    scan.kind === 'employee' ? findEmployee(db, scan) : undefined,
    recordedBefore ? db.devices.get(recordedBefore) : undefined,
  ]);
  // What the recompute of the device's report rows will read, asked for right behind the lookup
  // (the key a scan of an IMEI or a serial names): answered while the scan is decided, so the
  // write then waits for nothing but itself. Behind, not before: the transaction answers in order.
  const likelyKey = scan.kind === 'imei' ? deviceKeyFor({ imei: scan.value }) : scan.kind === 'serial' ? deviceKeyFor({ serial: scan.value }) : null;
  const trans = Dexie.currentTransaction?.idbtrans;
  if (likelyKey && trans) readRowsAhead(db.core.schema, trans, likelyKey);
  const [device, employee, previous] = await lookup;
  // Reuse first: only a never-handed-out device going out needs the used ones ready here.
  const readyHere = state.mode === 'handout' && device?.handouts === 0 ? await db.devices.where('[location+status]').equals([ctx.location, 'ready']).toArray() : undefined;
  markScan('found');
  const decision = decideScan({ ...state, place: { location: ctx.location, today: localDayOf(now.getTime(), defaultTimeZone) }, scan, device, employee, readyHere, previous });
  markScan('decided');
  switch (decision.kind) {
    case 'error':
      return { tone: 'error', message: decision.message, decision };
    case 'warning':
      return { tone: 'warning', message: await withHolderName(db, decision.message), decision };
    case 'show':
      return { tone: 'good', message: { key: 'feedback.found', params: { device: deviceLabel(decision.device) } }, decision, device: decision.device };
    case 'model':
      return { tone: 'info', message: { key: 'feedback.modelSet', params: { model: decision.model.name } }, decision };
    case 'request':
      return { tone: 'info', message: { key: 'feedback.requestSet', params: { value: decision.requestNumber } }, decision };
    case 'employee': {
      const department = (await db.departments.get(decision.employee.department))?.name ?? decision.employee.department;
      return { tone: 'good', message: { key: `feedback.serving.${decision.mode}`, params: { name: decision.employee.name, department } }, decision };
    }
    case 'mode':
    case 'command':
    case 'transfer':
    case 'accessory': // counted stock: recorded by the screen (`renderer/accessories/desk-actions.ts`), in its own tables
      return { tone: 'info', message: { key: '' }, decision };
    case 'record': {
      const type = decision.event ?? workflows[decision.mode].event;
      const event = newEvent(ctx, type, decision.deviceKey, decision.data, now);
      const result = await recordEvent(db, event, { current: (decision.event ? previous : device) ?? null });
      markScan('written');
      if (!result.ok) {
        const { refusal } = result;
        return { tone: 'error', message: { key: `refusals.${refusal.code}`, params: { status: refusal.status } }, decision };
      }
      return {
        tone: 'good',
        message: { key: 'feedback.recorded', params: { event: type, device: decision.label } },
        decision,
        event,
        device: result.device,
        prior: result.prior,
      };
    }
  }
}

/** A warning naming a device's holder by id says their name when the store knows it. */
async function withHolderName(db: KvikDb, message: Message): Promise<Message> {
  const holder = message.params?.holder;
  if (typeof holder !== 'string') return message;
  const employee = await db.employees.get(holder);
  return employee ? { ...message, params: { ...message.params, holder: employee.name } } : message;
}

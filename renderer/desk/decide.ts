import type { Device } from '../../shared/domain/device';
import { deviceKeyFor } from '../../shared/domain/device-key';
import type { EventData } from '../../shared/domain/event';
import type { Model } from '../../shared/domain/reference';
import { luhnCheckDigit } from '../../shared/scan/check-digits';
import type { ParsedScan } from '../../shared/scan/parse';
import type { modeEvent} from './modes';
import { modeFromCommand, type BatchParams, type Mode, type RecordingMode } from './modes';
import { receiveWarning, type ReceiveMemory } from './receive-checks';

/** A translatable message: an i18n key and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** What the desk does with one scan, decided before anything is written. */
export type Decision =
  | { kind: 'record'; mode: RecordingMode; deviceKey: string; data: Record<string, unknown>; label: string }
  | { kind: 'show'; device: Device }
  | { kind: 'command'; command: 'done' | 'undo' }
  | { kind: 'mode'; mode: Mode }
  | { kind: 'model'; model: Model }
  | { kind: 'warning'; message: Message; deviceKey?: string; confirm?: string; asksModel?: true }
  | { kind: 'error'; message: Message };

export interface DecideInput {
  mode: Mode;
  params: BatchParams;
  scan: ParsedScan;
  /** The device the scan's identifiers found in the local store, if any. */
  device: Device | undefined;
  /** Devices already recorded in this batch. */
  batchKeys: ReadonlySet<string>;
  models: readonly Model[];
  /** What the desk remembers for receiving (`receive-checks.ts`); without it, no receive warnings. */
  receive?: ReceiveMemory | undefined;
}

/**
 * The desk's rules for one scan in one workflow, pure so they are tested without a screen. The
 * lifecycle itself (is this event allowed now?) is decided later by `apply`, inside the write.
 */
export function decideScan({ mode, params, scan, device, batchKeys, models, receive }: DecideInput): Decision {
  if (scan.kind === 'invalid') return { kind: 'error', message: invalidMessage(scan) };
  if (scan.kind === 'command') return decideCommand(scan.value);
  if (scan.kind === 'gtin') {
    if (mode !== 'receive') return { kind: 'error', message: { key: 'feedback.gtinNotHere' } };
    const model = models.find((m) => m.gtin === scan.value);
    return model ? { kind: 'model', model } : { kind: 'error', message: { key: 'feedback.unknownGtin', params: { gtin: scan.value } } };
  }
  if (mode === 'lookup') {
    return device ? { kind: 'show', device } : { kind: 'error', message: { key: 'feedback.notFound', params: { value: scan.value } } };
  }

  const key = device?.key ?? newDeviceKey(scan);
  const label = device ? deviceLabel(device) : scan.value;
  if (key && batchKeys.has(key)) return { kind: 'warning', message: { key: 'feedback.duplicate', params: { device: label } }, deviceKey: key };

  if (mode === 'receive') {
    // An existing device goes to `apply`, which refuses it with `already_registered`.
    if (device) return { kind: 'record', mode, deviceKey: device.key, data: receivedData(scan, params), label };
    if (!key) return { kind: 'error', message: { key: 'feedback.needIdentifier', params: { kind: scan.kind } } };
    // A desk with no models to choose from is not asked for one.
    const warning = receive && receiveWarning(scan, params.model, { ...receive, modelAsked: receive.modelAsked || models.length === 0 });
    if (warning) return { kind: 'warning', deviceKey: key, ...warning };
    return { kind: 'record', mode, deviceKey: key, data: receivedData(scan, params), label };
  }

  const missing = missingParam(mode, params);
  if (missing) return { kind: 'error', message: { key: missing } };
  if (!device) return { kind: 'error', message: { key: 'feedback.unknownDevice', params: { device: scan.value } } };
  return { kind: 'record', mode, deviceKey: device.key, data: eventData(mode, params), label };
}

export function deviceLabel(device: Pick<Device, 'imei' | 'serial' | 'key'>): string {
  return device.imei ?? device.serial ?? device.key;
}

function decideCommand(value: string): Decision {
  if (value === 'DONE') return { kind: 'command', command: 'done' };
  if (value === 'UNDO') return { kind: 'command', command: 'undo' };
  const [word, arg] = value.split(':');
  const mode = word === 'MODE' && arg ? modeFromCommand(arg) : undefined;
  return mode ? { kind: 'mode', mode } : { kind: 'error', message: { key: 'feedback.unknownCommand', params: { command: value } } };
}

function invalidMessage(scan: Extract<ParsedScan, { kind: 'invalid' }>): Message {
  if (scan.reason === 'imei_check_digit') {
    const digits = scan.value.replace(/\D/g, '').slice(-15);
    return { key: 'invalid.imei_check_digit', params: { got: digits.at(14) ?? '?', expected: luhnCheckDigit(digits.slice(0, 14)) } };
  }
  return { key: `invalid.${scan.reason}` };
}

/** The key a new device scanned in receive gets: its IMEI, or its serial. */
function newDeviceKey(scan: ParsedScan): string | null {
  if (scan.kind === 'imei') return deviceKeyFor({ imei: scan.value });
  if (scan.kind === 'serial') return deviceKeyFor({ serial: scan.value });
  return null;
}

function receivedData(scan: ParsedScan, params: BatchParams): EventData<'received'> {
  const base = { kind: params.kind, ...(params.model ? { model: params.model } : {}) };
  if (scan.kind === 'imei') return { ...base, imei: scan.value };
  if (scan.kind === 'serial')
    return { ...base, serial: scan.value, ...(scan.alternatives?.length ? { alternatives: scan.alternatives } : {}) };
  return base;
}

function missingParam(mode: RecordingMode, params: BatchParams): string | undefined {
  if (mode === 'handout' && !params.employee) return 'feedback.needEmployee';
  if (mode === 'dispose' && !params.method) return 'feedback.needMethod';
  if (mode === 'dispose' && !params.certificate.trim()) return 'feedback.needCertificate';
  if (mode === 'repair' && !params.vendor.trim()) return 'feedback.needVendor';
  return undefined;
}

function eventData(mode: Exclude<RecordingMode, 'receive'>, p: BatchParams): Record<string, unknown> {
  const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});
  const data: { [M in Exclude<RecordingMode, 'receive'>]: () => EventData<(typeof modeEvent)[M]> } = {
    prepare: () => ({ wiped: p.wiped, enrolled: p.enrolled }),
    handout: () => ({ employeeId: p.employee?.id ?? '', department: p.employee?.department ?? '' }),
    return: () => ({ condition: p.condition, ...optional('reason', p.reason) }),
    repair: () => ({ vendor: p.vendor.trim(), ...optional('ticket', p.ticket) }),
    repaired: () => ({ outcome: p.outcome }),
    dispose: () => {
      // `missingParam` has refused a disposal without a method before this runs.
      if (!p.method) throw new Error('a disposal needs its method');
      return { method: p.method, certificate: p.certificate.trim() };
    },
    lost: () => ({ ...optional('reason', p.reason) }),
    found: () => ({}),
  };
  return data[mode]();
}

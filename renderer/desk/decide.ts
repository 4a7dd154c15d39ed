import type { Device } from '../../shared/domain/device';
import type { EventType } from '../../shared/domain/event';
import { deviceKeyFor } from '../../shared/domain/device-key';
import type { Employee, Model } from '../../shared/domain/reference';
import { workflowForEmployeeScan } from '../counter/employee-scan';
import { reuseCheck, type PendingAdvice } from '../counter/reuse-first';
import { holderMismatch } from '../counter/holder-check';
import { simPairing } from '../counter/sim-pairing';
import { tagPairing } from './tag-pairing';
import { createsDevice } from '../../shared/lifecycle/transitions';
import type { ParsedScan } from '../../shared/scan/parse';
import { transferFromCommand } from '../../shared/transfers/transfer';
import { deviceLabel } from './device-label';
import { modeFromCommand, type Mode } from './modes';
import { missingSetting, workflowOf, type BatchSettings, type WorkflowName } from './workflows';
import type { DeskPlace, DeviceScan, Message } from './workflows/workflow';
import { receiveWarning } from './receive-checks';
import type { ScanMemory } from './scan-memory';
import { isActive } from '../../shared/domain/reference-use';
import type { Accessory } from '../../shared/accessories/catalogue';
import { decideAccessoryGtin } from '../accessories/decide';

export type { Message } from './workflows/workflow';

/** What the desk does with one scan, decided before anything is written. */
export type Decision =
  /** `event`: when it is not the workflow's own (a SIM paired during a handout, a tag linked in receive). */
  | { kind: 'record'; mode: WorkflowName; deviceKey: string; data: Record<string, unknown>; label: string; event?: EventType }
  | { kind: 'show'; device: Device }
  | { kind: 'command'; command: 'done' | 'undo' }
  | { kind: 'mode'; mode: Mode }
  | { kind: 'model'; settings: Record<string, unknown>; model: Model }
  /** A request number (`RITM…`) for the batch's handouts or returns: the workflow's settings with it. */
  | { kind: 'request'; settings: Record<string, unknown>; requestNumber: string }
  /** An employee's card or badge: the counter serves them (`renderer/counter/`). */
  | { kind: 'employee'; employee: Employee; mode: 'handout' | 'return' }
  | { kind: 'warning'; message: Message; deviceKey?: string; confirm?: string; asksModel?: true; advised?: PendingAdvice; settings?: Record<string, unknown> }
  | { kind: 'transfer'; transferId: string }
  /** An accessory's box GTIN: one given out with the handout, or a box received (its count asked for). */
  | { kind: 'accessory'; action: 'issue' | 'receive'; accessory: Accessory; gtin: string }
  | { kind: 'error'; message: Message };

export interface DecideInput {
  mode: Mode;
  settings: BatchSettings;
  place: DeskPlace;
  scan: ParsedScan;
  /** The device the scan's identifiers found in the local store, if any. */
  device: Device | undefined;
  /** Devices already recorded in this batch. */
  batchKeys: ReadonlySet<string>;
  models: readonly Model[];
  /** The employee an employee scan names, found in the local store (`findEmployee`). */
  employee?: Employee | undefined;
  /** What the desk remembers between scans (`scan-memory.ts`); without it, no receive warnings and no confirmations. */
  memory?: ScanMemory | undefined;
  /** Ready devices at this location, for the reuse advice of a handout (`renderer/counter/reuse-first.ts`). */
  readyHere?: readonly Device[] | undefined;
  /** The device the batch's previous scan recorded: what a SIM card or an asset tag scanned next goes with. */
  previous?: Device | undefined;
  /** The accessory catalogue: a GTIN may be a charger's box rather than a model's (`renderer/accessories/`). */
  accessories?: readonly Accessory[] | undefined;
}

/**
 * The desk's rules for one scan in one workflow, pure so they are tested without a screen. What
 * each workflow records and needs is its registry entry's (`workflows/`); the lifecycle itself (is
 * this event allowed now?) is decided later by `apply`, inside the write.
 */
export function decideScan(input: DecideInput): Decision {
  const { mode, scan, device } = input;
  if (scan.kind === 'invalid') return { kind: 'error', message: invalidMessage(scan) };
  if (scan.kind === 'command') return decideCommand(scan.value);
  if (scan.kind === 'gtin') return decideAccessoryGtin(input, scan.value) ?? decideModel(input, scan.value);
  if (scan.kind === 'request') return decideRequest(input, scan.value);
  if (scan.kind === 'employee') {
    const { employee } = input;
    if (!employee) return { kind: 'error', message: { key: 'feedback.unknownEmployee', params: { value: scan.value } } };
    return { kind: 'employee', employee, mode: workflowForEmployeeScan(mode) };
  }
  const pairing = pairingOf(input);
  if (pairing && mode !== 'lookup') {
    if (!pairing.ok) return { kind: pairing.tone, message: pairing.message };
    return { kind: 'record', mode, event: pairing.event, deviceKey: pairing.deviceKey, data: pairing.data, label: pairing.label };
  }
  if (mode === 'lookup') {
    return device ? { kind: 'show', device } : { kind: 'error', message: { key: 'feedback.notFound', params: { value: scan.value } } };
  }
  // A SIM finds its phone for the lookup and the pairing only: scanned elsewhere it is not that phone.
  return decideRecord(mode, scan.kind === 'iccid' ? { ...input, device: undefined } : input, scan);
}

/** A SIM card in a handout, a pre-printed tag in receive: they go with the device the scan before recorded. */
function pairingOf({ mode, scan, previous, device }: DecideInput) {
  if (scan.kind === 'iccid' && mode === 'handout') return simPairing(previous, scan.value, device);
  if (scan.kind === 'asset_tag' && mode === 'receive') return tagPairing(previous, scan.value, device);
  return undefined;
}

function decideRecord(mode: WorkflowName, { settings, place, device, batchKeys, models, memory, readyHere }: DecideInput, scan: DeviceScan): Decision {
  const workflow = workflowOf(mode);
  const current: Record<string, unknown> = settings[mode];
  const creates = createsDevice(workflow.event);
  const key = device?.key ?? (creates ? newDeviceKey(scan) : null);
  const label = device ? deviceLabel(device) : scan.value;
  if (key && batchKeys.has(key)) return { kind: 'warning', message: { key: 'feedback.duplicate', params: { device: label } }, deviceKey: key };

  const missing = missingSetting(mode, current);
  if (missing) return { kind: 'error', message: { key: missing } };
  if (creates) {
    // An existing device goes to `apply`, which refuses it with `already_registered`.
    if (!key) return { kind: 'error', message: { key: 'feedback.needIdentifier', params: { kind: scan.kind } } };
    if (!device && memory) {
      // A desk with no models to choose from is not asked for one.
      const model = typeof current.model === 'string' ? current.model : undefined;
      const warning = receiveWarning(scan, model, { ...memory, modelAsked: memory.modelAsked || models.length === 0 });
      if (warning) return { kind: 'warning', deviceKey: key, ...warning };
    }
  } else if (!device) return { kind: 'error', message: { key: 'feedback.unknownDevice', params: { device: scan.value } } };
  const refused = device ? workflow.refuses?.(device, place, current) : undefined;
  if (refused?.tone === 'error') return { kind: 'error', message: refused.message };
  if (refused) {
    const settings = refused.settings ? { settings: { ...current, ...refused.settings } } : {};
    return { kind: 'warning', message: refused.message, deviceKey: key as string, ...settings };
  }
  const data: Record<string, unknown> = workflow.data(current, scan, place);
  // The counter's checks (`renderer/counter/`): amber, and the same label scanned again goes ahead.
  if (device && mode === 'return') {
    const mismatch = holderMismatch(device, settings.return.employee, memory?.confirming === scan.value);
    if (mismatch) return { kind: 'warning', message: mismatch, deviceKey: device.key, confirm: scan.value };
  }
  if (device && mode === 'handout') {
    const modelName = (id: string) => models.find((m) => m.id === id)?.name ?? id;
    const reuse = reuseCheck(device, place.location, readyHere ?? [], memory?.advised, modelName);
    if (reuse.kind === 'advise') return { kind: 'warning', message: reuse.message, deviceKey: device.key, confirm: scan.value, advised: reuse.pending };
    if (reuse.outcome) data.reuseOutcome = reuse.outcome;
  }
  return { kind: 'record', mode, deviceKey: key as string, data, label };
}

function decideModel({ mode, settings, models }: DecideInput, gtin: string): Decision {
  const fromBox = mode === 'lookup' ? undefined : workflowOf(mode).modelFromBox;
  if (!fromBox || mode === 'lookup') return { kind: 'error', message: { key: 'feedback.gtinNotHere' } };
  // An active model with the GTIN first: a deactivated one may share it with its successor.
  const model = models.find((m) => m.gtin === gtin && isActive(m)) ?? models.find((m) => m.gtin === gtin);
  if (!model) return { kind: 'error', message: { key: 'feedback.unknownGtin', params: { gtin } } };
  if (!isActive(model)) return { kind: 'error', message: { key: 'feedback.inactiveModel', params: { model: model.name } } };
  return { kind: 'model', model, settings: { ...settings[mode], ...fromBox(model) } };
}

/** A request number goes with the workflows that record one (their settings have `requestNumber`). */
function decideRequest({ mode, settings }: DecideInput, requestNumber: string): Decision {
  const current: Record<string, unknown> | undefined = mode === 'lookup' ? undefined : settings[mode];
  if (!current || !('requestNumber' in current)) return { kind: 'error', message: { key: 'feedback.requestNotHere', params: { value: requestNumber } } };
  return { kind: 'request', requestNumber, settings: { ...current, requestNumber } };
}

function decideCommand(value: string): Decision {
  if (value === 'DONE') return { kind: 'command', command: 'done' };
  if (value === 'UNDO') return { kind: 'command', command: 'undo' };
  const transferId = transferFromCommand(value);
  if (transferId) return { kind: 'transfer', transferId };
  const [word, arg] = value.split(':');
  const mode = word === 'MODE' && arg ? modeFromCommand(arg) : undefined;
  return mode ? { kind: 'mode', mode } : { kind: 'error', message: { key: 'feedback.unknownCommand', params: { command: value } } };
}

export function invalidMessage(scan: Extract<ParsedScan, { kind: 'invalid' }>): Message {
  // The check digit comes from the parser, which computed it: never worked out a second time here.
  if (scan.checkDigit) return { key: `invalid.${scan.reason}`, params: { got: scan.checkDigit.got, expected: scan.checkDigit.expected } };
  return { key: `invalid.${scan.reason}` };
}

/** The key a new device gets: its IMEI, or its serial. */
export function newDeviceKey(scan: DeviceScan): string | null {
  if (scan.kind === 'imei') return deviceKeyFor({ imei: scan.value });
  if (scan.kind === 'serial') return deviceKeyFor({ serial: scan.value });
  return null;
}

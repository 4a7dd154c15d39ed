import type { ParsedScan } from '../../shared/scan/parse';
import type { Message } from './decide';
import type { ScanMemory } from './scan-memory';

/** How long an IMEI scanned at this desk makes a serial that ends it suspect: a cut label's two pieces come seconds apart. */
export const RECENT_IMEI_MS = 5 * 60_000;

export interface ReceiveWarning {
  message: Message;
  /** The label to scan again to receive it anyway. */
  confirm: string;
  /** The warning is the batch's one question about the model. */
  asksModel?: true;
}

/**
 * Before a new device is received, what might be a mistake (amber, scan again to confirm): a
 * serial that is the tail of an IMEI just scanned (a label cut in two), a serial of digits only
 * (most likely a piece of an IMEI), and — once per batch — no model chosen. Scanning the same
 * label again receives it.
 */
export function receiveWarning(scan: ParsedScan, model: string | undefined, memory: Pick<ScanMemory, 'confirming' | 'recentImeis' | 'modelAsked'>): ReceiveWarning | undefined {
  if (scan.kind !== 'serial' && scan.kind !== 'imei') return undefined;
  if (memory.confirming === scan.value) return undefined;
  if (scan.kind === 'serial') {
    const imei = memory.recentImeis.find((recent) => recent !== scan.value && recent.endsWith(scan.value));
    if (imei) return { message: { key: 'feedback.imeiTail', params: { value: scan.value, imei } }, confirm: scan.value };
    if (/^\d+$/.test(scan.value)) return { message: { key: 'feedback.digitsOnlySerial', params: { value: scan.value } }, confirm: scan.value };
  }
  if (!model && !memory.modelAsked) return { message: { key: 'feedback.noModel', params: { value: scan.value } }, confirm: scan.value, asksModel: true };
  return undefined;
}

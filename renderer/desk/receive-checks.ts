import type { ParsedScan } from '../../shared/scan/parse';
import type { PendingAdvice } from '../counter/reuse-first';
import type { Message } from './decide';

/** How long an IMEI scanned at this desk makes a serial that ends it suspect: a cut label's two pieces come seconds apart. */
export const RECENT_IMEI_MS = 5 * 60_000;

/**
 * What the desk remembers between scans to judge the next one: a new device before receiving it,
 * and the counter's reuse advice waiting for its answer.
 */
export interface ReceiveMemory {
  /** The label the last warning asked to scan again: scanning it again confirms. */
  confirming?: string | undefined;
  /** IMEIs this desk scanned in the last `RECENT_IMEI_MS`. */
  recentImeis: readonly string[];
  /** Whether this batch has already been asked about receiving without a model. */
  modelAsked: boolean;
  /** The reuse advice the last scan gave (`renderer/counter/reuse-first.ts`): the next scan answers it. */
  advised?: PendingAdvice | undefined;
  /** The device the last scan recorded, if it recorded one: a SIM card scanned next is paired with it. */
  recorded?: string | undefined;
}

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
export function receiveWarning(scan: ParsedScan, model: string | undefined, memory: ReceiveMemory): ReceiveWarning | undefined {
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

/**
 * The desk's memory for the receive warnings, kept between scans (in memory: a reload forgets a
 * pending confirmation, which is then asked again).
 */
export class ReceiveMemoryKeeper {
  private confirming: string | undefined;
  private imeis: Array<{ imei: string; at: number }> = [];
  private modelAskedIn: string | undefined;
  private advised: PendingAdvice | undefined;
  private recorded: string | undefined;

  /** What the next scan of the batch that started at `batchStartedAt` is judged with. */
  memory(batchStartedAt: string, now = Date.now()): ReceiveMemory {
    this.imeis = this.imeis.filter((seen) => now - seen.at <= RECENT_IMEI_MS);
    return { confirming: this.confirming, recentImeis: this.imeis.map((seen) => seen.imei), modelAsked: this.modelAskedIn === batchStartedAt, advised: this.advised, recorded: this.recorded };
  }

  /** After a scan: a warning waits for its label again (an advice for its answer); anything else ends the wait. Every IMEI scanned is remembered. */
  after(decision: { kind: string; deviceKey?: string; confirm?: string; asksModel?: true; advised?: PendingAdvice }, batchStartedAt: string, now = Date.now()): void {
    this.confirming = decision.kind === 'warning' ? decision.confirm : undefined;
    this.advised = decision.kind === 'warning' ? decision.advised : undefined;
    this.recorded = decision.kind === 'record' ? decision.deviceKey : undefined;
    if (decision.kind === 'warning' && decision.asksModel) this.modelAskedIn = batchStartedAt;
    const imei = decision.deviceKey?.startsWith('imei:') ? decision.deviceKey.slice(5) : undefined;
    if (imei) this.imeis.push({ imei, at: now });
  }
}

import type { PendingAdvice } from '../counter/reuse-first';
import { RECENT_IMEI_MS } from './receive-checks';

/**
 * What the desk remembers between scans to judge the next one: a label to scan again to confirm
 * a warning, what the receive checks need (`receive-checks.ts`), the counter's reuse advice waiting
 * for its answer, and the device a SIM card or a tag scanned next goes with.
 */
export interface ScanMemory {
  /** The label the last warning asked to scan again: scanning it again confirms. */
  confirming?: string | undefined;
  /** IMEIs this desk scanned in the last `RECENT_IMEI_MS`. */
  recentImeis: readonly string[];
  /** Whether this batch has already been asked about receiving without a model. */
  modelAsked: boolean;
  /** The reuse advice the last scan gave (`renderer/counter/reuse-first.ts`): the next scan answers it. */
  advised?: PendingAdvice | undefined;
  /** The device the last scan recorded, if it recorded one: a SIM card or an asset tag scanned next goes with it. */
  recorded?: string | undefined;
}

/**
 * The desk's memory between scans (in memory: a reload forgets a pending confirmation, which is
 * then asked again).
 */
export class ScanMemoryKeeper {
  private confirming: string | undefined;
  private imeis: Array<{ imei: string; at: number }> = [];
  private modelAskedIn: string | undefined;
  private advised: PendingAdvice | undefined;
  private recorded: string | undefined;

  /** What the next scan of the batch that started at `batchStartedAt` is judged with. */
  memory(batchStartedAt: string, now = Date.now()): ScanMemory {
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

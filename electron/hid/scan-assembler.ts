import { parseHidPosReport, type HidPosReportProblem } from './hid-pos-report';

/**
 * One scanner's reports in, whole scans out: a scan longer than one report arrives as several
 * reports flagged "continued" and is joined here. Anything that breaks a scan apart (a report
 * that cannot be read, a new symbology mid-scan, a silence, the scanner going away) drops the
 * partial scan and says so: half a serial number must never reach the desk as a scan.
 * Pure: time is passed in.
 */

export interface AssembledScan {
  raw: string;
  /** AIM symbology identifier the scanner reported beside the data (`]C1`), if any. */
  symbology?: string;
  reports: number;
  startedAt: number;
  at: number;
}

export type AssemblyProblem = HidPosReportProblem | 'scan_interrupted' | 'scan_timed_out' | 'scan_too_long';

export type AssemblyEvent = { kind: 'scan'; scan: AssembledScan } | { kind: 'problem'; problem: AssemblyProblem; detail: string };

export interface ScanAssemblerOptions {
  /** Longest wait for the next part of a continued scan. */
  partTimeoutMs: number;
  /** Longest scan kept (ScanEvent's `raw` limit). */
  maxBytes: number;
}

export const defaultAssemblerOptions: ScanAssemblerOptions = { partTimeoutMs: 1000, maxBytes: 4096 };

interface Pending {
  parts: Uint8Array[];
  size: number;
  symbology: string | undefined;
  startedAt: number;
  lastAt: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Barcode data is bytes: UTF-8 where it is valid UTF-8 (QR, Data Matrix), else Latin-1 (Code 128's own set). */
export function bytesToText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

export class ScanAssembler {
  private readonly options: ScanAssemblerOptions;
  private pending: Pending | undefined;

  constructor(options: Partial<ScanAssemblerOptions> = {}) {
    this.options = { ...defaultAssemblerOptions, ...options };
  }

  get hasPartialScan(): boolean {
    return this.pending !== undefined;
  }

  push(bytes: Uint8Array, now: number): AssemblyEvent[] {
    const events: AssemblyEvent[] = [];
    const expired = this.expire(now);
    if (expired) events.push(expired);

    const parsed = parseHidPosReport(bytes);
    if (!parsed.ok) {
      events.push({ kind: 'problem', problem: parsed.problem, detail: parsed.detail });
      const dropped = this.drop('scan_interrupted', 'an unreadable report came in the middle of a scan');
      if (dropped) events.push(dropped);
      return events;
    }
    const { report } = parsed;
    if (this.pending && this.pending.symbology !== report.symbology) {
      const dropped = this.drop('scan_interrupted', `a ${report.symbology ?? 'plain'} report came in the middle of a ${this.pending.symbology ?? 'plain'} scan`);
      if (dropped) events.push(dropped);
    }
    const pending = (this.pending ??= { parts: [], size: 0, symbology: report.symbology, startedAt: now, lastAt: now });
    pending.parts.push(report.data);
    pending.size += report.data.length;
    pending.lastAt = now;

    if (pending.size > this.options.maxBytes) {
      const dropped = this.drop('scan_too_long', `more than ${this.options.maxBytes} bytes`);
      if (dropped) events.push(dropped);
      return events;
    }
    if (report.continued) return events;

    this.pending = undefined;
    if (pending.size === 0) {
      events.push({ kind: 'problem', problem: 'bad_length', detail: 'a scan with no data' });
      return events;
    }
    const joined = new Uint8Array(pending.size);
    let offset = 0;
    for (const part of pending.parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    const scan: AssembledScan = { raw: bytesToText(joined), reports: pending.parts.length, startedAt: pending.startedAt, at: now };
    if (pending.symbology) scan.symbology = pending.symbology;
    events.push({ kind: 'scan', scan });
    return events;
  }

  /** The next part of a continued scan is overdue: drop what came so far. */
  expire(now: number): AssemblyEvent | undefined {
    if (!this.pending || now - this.pending.lastAt <= this.options.partTimeoutMs) return undefined;
    return this.drop('scan_timed_out', `no further report for ${now - this.pending.lastAt} ms after part ${this.pending.parts.length}`);
  }

  /** The scanner went away or the read failed: whatever was half-read is dropped. */
  abort(reason: string): AssemblyEvent | undefined {
    return this.drop('scan_interrupted', reason);
  }

  private drop(problem: AssemblyProblem, reason: string): AssemblyEvent | undefined {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return undefined;
    return { kind: 'problem', problem, detail: `partial scan dropped (${pending.parts.length} report(s), ${pending.size} bytes): ${reason}` };
  }
}

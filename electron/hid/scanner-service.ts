import type { ScannerStatus } from '../../shared/ipc/contract';
import { scanEventSchema, type ScanEvent } from '../../shared/scan/scan-event';
import { HidOpenError, isBarcodeScanner, type HidBackend, type HidDeviceInfo, type HidHandle } from './hid-backend';
import { ScanAssembler, type AssembledScan } from './scan-assembler';

/**
 * Every raw HID point-of-sale scanner on the machine, kept open, turned into ScanEvents.
 *
 * node-hid has no hot-plug events, so the device list is polled (`pollMs`): new scanners are
 * opened, vanished ones closed, scanners that could not be opened retried now and then. Several
 * scanners are read at once, each with its own reassembly of multi-report scans. Nothing a
 * device does — failing to open, sending garbage, vanishing mid-scan — throws out of here: it
 * becomes a scanner status (`onChange`, for the desk settings) and a problem (`onProblem`, for
 * the log). Partial scans are dropped and reported, never delivered.
 *
 * Wiring in the main process:
 *   const service = createScannerService({ backend: createNodeHidBackend(), onScan, onChange });
 *   await service.start();            // at app ready
 *   ... 'scanners:list' → service.list()
 *   await service.stop();             // at will-quit
 */

export interface ScannerProblem {
  /** The scanner's id (device path); absent when enumerating devices failed. */
  scanner?: string;
  /** `permission_denied`, `open_failed`, `read_failed`, `enumeration_failed`, `too_short`, `unknown_report`, `bad_length`, `scan_interrupted`, `scan_timed_out`, `scan_too_long`, `invalid_scan`. */
  problem: string;
  detail: string;
  at: number;
}

export interface ScannerServiceOptions {
  backend: HidBackend;
  onScan: (scan: ScanEvent) => void;
  onChange?: (scanners: ScannerStatus[]) => void;
  onProblem?: (problem: ScannerProblem) => void;
  /** How often the device list is read for hot-plug; 0 polls only on `refresh()`. */
  pollMs?: number;
  /** How long a scanner that could not be opened waits before the next try. */
  retryOpenMs?: number;
  /** How long a disconnected scanner stays listed (so the desk can say it went away). */
  forgetAfterMs?: number;
  /** Longest wait for the next report of a multi-report scan. */
  partTimeoutMs?: number;
  /** Milliseconds since the epoch; ScanEvent `at` and all timing. */
  now?: () => number;
}

export interface ScannerService {
  /** Reads the device list once, opens the scanners, then polls every `pollMs`. */
  start(): Promise<void>;
  /** Stops polling and closes every scanner. */
  stop(): Promise<void>;
  /** Reads the device list now (a "look for scanners" button); resolves when opens have settled. */
  refresh(): Promise<void>;
  list(): ScannerStatus[];
}

type EntryState = 'opening' | ScannerStatus['state'];

interface Entry {
  info: HidDeviceInfo;
  state: EntryState;
  problem?: string;
  detail?: string;
  handle?: HidHandle;
  assembler: ScanAssembler;
  /** Bumped on every open and every close: events and opens of an older attempt are ignored. */
  attempt: number;
  lastOpenAt: number;
  since: number;
}

function nameOf(info: HidDeviceInfo): string {
  const named = [info.manufacturer, info.product].filter((s) => s && s.trim()).join(' ').trim();
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return named || `HID scanner ${hex(info.vendorId)}:${hex(info.productId)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createScannerService(options: ScannerServiceOptions): ScannerService {
  const { backend } = options;
  const pollMs = options.pollMs ?? 1000;
  const retryOpenMs = options.retryOpenMs ?? 5000;
  const forgetAfterMs = options.forgetAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling: Promise<void> | undefined;
  let stopped = true;
  let enumerationFailing = false;
  let lastEmitted = '[]';

  // The desk's callbacks must not break a device's read loop (node-hid would take a throw for a
  // read error), so whatever they throw stays here.
  const call = <T>(callback: ((value: T) => void) | undefined, value: T): void => {
    try {
      callback?.(value);
    } catch {
      // the caller's own bug; the scanners keep working
    }
  };
  const report = (problem: Omit<ScannerProblem, 'at'>): void => call(options.onProblem, { ...problem, at: now() });

  function list(): ScannerStatus[] {
    return [...entries.values()]
      .filter((e): e is Entry & { state: ScannerStatus['state'] } => e.state !== 'opening')
      .map((e) => ({
        id: e.info.path,
        name: nameOf(e.info),
        transport: 'hid' as const,
        state: e.state,
        ...(e.problem ? { problem: e.problem } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
      }));
  }

  function emitChange(): void {
    const scanners = list();
    const json = JSON.stringify(scanners);
    if (json === lastEmitted) return;
    lastEmitted = json;
    call(options.onChange, scanners);
  }

  function setState(entry: Entry, state: EntryState, problem?: string, detail?: string): void {
    if (entry.state !== state) entry.since = now();
    entry.state = state;
    entry.problem = problem;
    entry.detail = detail;
  }

  function deliver(entry: Entry, scan: AssembledScan): void {
    const parsed = scanEventSchema.safeParse({ raw: scan.raw, source: 'hid', scanner: entry.info.path, symbology: scan.symbology, at: scan.at });
    if (!parsed.success) {
      report({ scanner: entry.info.path, problem: 'invalid_scan', detail: parsed.error.message });
      return;
    }
    call(options.onScan, parsed.data);
  }

  function onReport(entry: Entry, bytes: Uint8Array): void {
    for (const event of entry.assembler.push(bytes, now())) {
      if (event.kind === 'scan') {
        entry.problem = undefined;
        entry.detail = undefined;
        deliver(entry, event.scan);
      } else {
        report({ scanner: entry.info.path, problem: event.problem, detail: event.detail });
        entry.problem = event.problem;
        entry.detail = event.detail;
      }
    }
    emitChange();
  }

  /** The device is gone or its handle failed: drop any half scan, close, list it as disconnected. */
  function disconnect(entry: Entry, problem: string | undefined, detail: string | undefined): void {
    entry.attempt += 1;
    const dropped = entry.assembler.abort(detail ?? 'the scanner was disconnected');
    if (dropped?.kind === 'problem') {
      report({ scanner: entry.info.path, problem: dropped.problem, detail: dropped.detail });
      setState(entry, 'disconnected', dropped.problem, dropped.detail);
    } else {
      setState(entry, 'disconnected', problem, detail);
    }
    const handle = entry.handle;
    entry.handle = undefined;
    handle?.close().catch(() => undefined);
  }

  async function open(entry: Entry): Promise<void> {
    const attempt = ++entry.attempt;
    const path = entry.info.path;
    const current = () => !stopped && entry.attempt === attempt && entries.get(path) === entry;
    setState(entry, 'opening');
    entry.lastOpenAt = now();
    let readError: string | undefined;
    try {
      const handle = await backend.open(path, {
        data: (bytes) => {
          if (current()) onReport(entry, bytes);
        },
        error: (error) => {
          if (current()) readError = messageOf(error);
        },
        close: () => {
          if (!current()) return;
          // Usually an unplug (node-hid reports it as a failed read): logged, not shown. If the
          // device is still there, the next poll opens it again.
          if (readError) report({ scanner: path, problem: 'read_failed', detail: readError });
          disconnect(entry, undefined, undefined);
          emitChange();
        },
      });
      if (!current()) {
        await handle.close().catch(() => undefined);
        return;
      }
      entry.handle = handle;
      setState(entry, 'open');
    } catch (error) {
      if (!current()) return;
      const problem = error instanceof HidOpenError ? error.problem : 'open_failed';
      report({ scanner: path, problem, detail: messageOf(error) });
      setState(entry, 'error', problem, messageOf(error));
    }
  }

  async function poll(): Promise<void> {
    let devices: HidDeviceInfo[];
    try {
      devices = (await backend.list()).filter(isBarcodeScanner);
      enumerationFailing = false;
    } catch (error) {
      if (!enumerationFailing) report({ problem: 'enumeration_failed', detail: messageOf(error) });
      enumerationFailing = true;
      return;
    }
    if (stopped) return;
    const t = now();
    // One device can list several top-level collections under one path: it is one scanner.
    const present = new Map(devices.map((d) => [d.path, d]));
    const opening: Array<Promise<void>> = [];

    for (const [path, info] of present) {
      let entry = entries.get(path);
      if (!entry) {
        // The same scanner replugged under a new path replaces its old "disconnected" line.
        for (const [oldPath, old] of entries) {
          const same = info.serialNumber && old.info.serialNumber === info.serialNumber && old.info.vendorId === info.vendorId && old.info.productId === info.productId;
          if (same && old.state === 'disconnected') entries.delete(oldPath);
        }
        entry = { info, state: 'opening', assembler: new ScanAssembler(options.partTimeoutMs ? { partTimeoutMs: options.partTimeoutMs } : {}), attempt: 0, lastOpenAt: 0, since: t };
        entries.set(path, entry);
        opening.push(open(entry));
      } else if (entry.state === 'disconnected' || (entry.state === 'error' && t - entry.lastOpenAt >= retryOpenMs)) {
        entry.info = info;
        opening.push(open(entry));
      } else if (entry.state === 'open') {
        const expired = entry.assembler.expire(t);
        if (expired?.kind === 'problem') {
          report({ scanner: path, problem: expired.problem, detail: expired.detail });
          setState(entry, 'open', expired.problem, expired.detail);
        }
      }
    }
    for (const [path, entry] of entries) {
      if (present.has(path)) continue;
      if (entry.state === 'open' || entry.state === 'opening') disconnect(entry, undefined, undefined);
      else if (entry.state === 'error') setState(entry, 'disconnected');
      else if (t - entry.since >= forgetAfterMs) entries.delete(path);
    }
    await Promise.all(opening);
    emitChange();
  }

  function refresh(): Promise<void> {
    if (stopped) return Promise.resolve();
    polling ??= poll().finally(() => {
      polling = undefined;
    });
    return polling;
  }

  return {
    list,
    refresh,
    async start() {
      if (!stopped) return;
      stopped = false;
      await refresh();
      if (pollMs > 0 && !stopped) {
        timer = setInterval(() => void refresh(), pollMs);
        timer.unref?.();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await polling;
      const handles = [...entries.values()].flatMap((e) => (e.handle ? [e.handle] : []));
      entries.clear();
      lastEmitted = '[]';
      await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
    },
  };
}

import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import type { SendEvent } from './events';
import type { InvokeHandlers } from './ipc';

/**
 * Where raw HID scanners (node-hid, `electron/hid/`) meet the rest of the main process. The HID
 * service implements `ScannerService`; `index.ts` passes it to `scannerHandlers` (the
 * `scanners:list` channel) and `forwardScannerEvents` (scans and hot-plug changes to the window).
 */
export interface ScannerService {
  /** Begin watching for scanners (hot-plug included). */
  start(): void;
  /** Close every device; called when the app quits. */
  stop(): void | Promise<void>;
  list(): ScannerStatus[] | Promise<ScannerStatus[]>;
  onScan(listener: (scan: ScanEvent) => void): () => void;
  onChanged(listener: (scanners: ScannerStatus[]) => void): () => void;
}

/**
 * The service while no raw HID support is present (or node-hid could not load on this machine):
 * no scanners, no events. Keyboard-wedge and camera scanning live in the renderer and still work.
 */
export const noScannerService: ScannerService = {
  start: () => undefined,
  stop: () => undefined,
  list: () => [],
  onScan: () => () => undefined,
  onChanged: () => () => undefined,
};

export function scannerHandlers(service: ScannerService): Pick<InvokeHandlers<unknown>, 'scanners:list'> {
  return { 'scanners:list': () => service.list() };
}

/** Sends the service's scans and changes to the renderer; returns the function that stops it. */
export function forwardScannerEvents(service: ScannerService, send: SendEvent): () => void {
  const stopScans = service.onScan((scan) => send('scanners:scan', scan));
  const stopChanges = service.onChanged((scanners) => send('scanners:changed', scanners));
  return () => {
    stopScans();
    stopChanges();
  };
}

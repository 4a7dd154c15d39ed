import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { createNodeHidBackend, createScannerService, type HidBackend, type ScannerProblem } from '../hid';
import type { ScannerService } from './scanners';

/**
 * The raw HID scanner service of `electron/hid/` behind the main process's `ScannerService`:
 * callbacks become listener sets, so the IPC forwarding can subscribe and unsubscribe.
 */
export function createHidScannerService(
  backend: HidBackend = createNodeHidBackend(),
  log: (problem: ScannerProblem) => void = (p) => console.warn('scanner:', p.problem, p.scanner ?? '', p.detail),
): ScannerService {
  const scanListeners = new Set<(scan: ScanEvent) => void>();
  const changeListeners = new Set<(scanners: ScannerStatus[]) => void>();
  const service = createScannerService({
    backend,
    onScan: (scan) => scanListeners.forEach((listener) => listener(scan)),
    onChange: (scanners) => changeListeners.forEach((listener) => listener(scanners)),
    onProblem: log,
  });
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  return {
    // A scanner that cannot be read must never keep the desk from starting: log and go on.
    start: () => void service.start().catch((error: unknown) => log({ problem: 'enumeration_failed', detail: String(error), at: Date.now() })),
    stop: () => service.stop(),
    list: () => service.list(),
    onScan: (listener) => subscribe(scanListeners, listener),
    onChanged: (listener) => subscribe(changeListeners, listener),
  };
}

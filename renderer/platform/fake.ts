import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import type { Platform } from './platform';

/**
 * A Platform for tests: it reports what the test says (its capabilities, the scanners), and the test sends
 * raw HID scans and scanner changes through it. Prints and secrets are recorded in memory.
 */
export function createFakePlatform(options: { capabilities?: Platform['capabilities']; scanners?: ScannerStatus[] } = {}) {
  const scanListeners = new Set<(scan: ScanEvent) => void>();
  const scannerListeners = new Set<(scanners: ScannerStatus[]) => void>();
  const secrets = new Map<string, string>();
  const printed: string[] = [];
  let scanners = options.scanners ?? [];
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  const platform: Platform = {
    capabilities: options.capabilities ?? { hidScanners: true },
    appInfo: async () => ({ name: 'Kvikdesk', version: '0.0.0-test', platform: 'test' }),
    onScan: (listener) => subscribe(scanListeners, listener),
    listScanners: async () => scanners,
    onScannersChanged: (listener) => subscribe(scannerListeners, listener),
    print: async () => {
      printed.push('print');
      return { printed: true };
    },
    savePdf: async (fileName) => {
      printed.push(fileName);
      return { saved: true, path: `/tmp/${fileName}` };
    },
    getSecret: async (name) => secrets.get(name) ?? null,
    setSecret: async (name, value) => {
      secrets.set(name, value);
      return { encrypted: false };
    },
    allowSyncServer: async () => ({ reload: false }),
  };
  return {
    platform,
    printed,
    /** How many listeners wait for raw HID scans (a test checks they let go). */
    scanListeners: () => scanListeners.size,
    /** A raw HID scan, as the main process would forward it. */
    scan: (scan: ScanEvent) => scanListeners.forEach((listener) => listener(scan)),
    /** Scanners plugged or unplugged. */
    changeScanners: (next: ScannerStatus[]) => {
      scanners = next;
      scannerListeners.forEach((listener) => listener(next));
    },
  };
}

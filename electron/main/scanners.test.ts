import { describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { createEventSender, type EventRecipient } from './events';
import { forwardScannerEvents, noScannerService, scannerHandlers, type ScannerService } from './scanners';

const scan: ScanEvent = { raw: '354381079141772', source: 'hid', scanner: '/dev/hidraw3', at: 1_790_000_000_000 };
const scanner: ScannerStatus = { id: '/dev/hidraw3', name: 'Honeywell 1950g', transport: 'hid', state: 'open' };

class FakeContents implements EventRecipient {
  readonly sent: Array<[string, unknown]> = [];
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** A scanner service driven by the test, as the HID service will drive the real one. */
function controllableService(): ScannerService & { emitScan(s: ScanEvent): void; emitChanged(s: ScannerStatus[]): void } {
  const scanListeners = new Set<(s: ScanEvent) => void>();
  const changeListeners = new Set<(s: ScannerStatus[]) => void>();
  return {
    start: () => undefined,
    stop: () => undefined,
    list: () => [scanner],
    onScan: (listener) => (scanListeners.add(listener), () => void scanListeners.delete(listener)),
    onChanged: (listener) => (changeListeners.add(listener), () => void changeListeners.delete(listener)),
    emitScan: (s) => scanListeners.forEach((listener) => listener(s)),
    emitChanged: (s) => changeListeners.forEach((listener) => listener(s)),
  };
}

describe('scanner wiring', () => {
  it('forwards scans and changes to the window until stopped', () => {
    const service = controllableService();
    const contents = new FakeContents();
    const stop = forwardScannerEvents(service, createEventSender(() => contents));
    service.emitScan(scan);
    service.emitChanged([scanner]);
    stop();
    service.emitScan(scan);
    expect(contents.sent).toEqual([
      ['scanners:scan', scan],
      ['scanners:changed', [scanner]],
    ]);
  });

  it('lists the service scanners on scanners:list', async () => {
    expect(await scannerHandlers(controllableService())['scanners:list'](undefined, null)).toEqual([scanner]);
    expect(await scannerHandlers(noScannerService)['scanners:list'](undefined, null)).toEqual([]);
  });
});

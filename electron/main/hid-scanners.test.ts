import { describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { FakeHidBackend } from '../hid';
import { imeiReport, imeiText } from '../hid/testing/recorded-reports';
import { createHidScannerService } from './hid-scanners';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('createHidScannerService', () => {
  it('lists the HID service scanners and passes scans and changes to listeners until they unsubscribe', async () => {
    const backend = new FakeHidBackend();
    backend.plug({ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, product: 'Honeywell 1950g', usagePage: 0x8c, usage: 0x02 });
    const service = createHidScannerService(backend, () => undefined);
    const scans: ScanEvent[] = [];
    const changes: ScannerStatus[][] = [];
    const stopScans = service.onScan((scan) => scans.push(scan));
    service.onChanged((list) => changes.push(list));
    service.start();
    await settle();
    expect(await service.list()).toMatchObject([{ id: '/dev/hidraw3', state: 'open' }]);
    expect(changes.at(-1)).toMatchObject([{ state: 'open' }]);

    backend.send('/dev/hidraw3', imeiReport);
    expect(scans).toMatchObject([{ raw: imeiText, source: 'hid', scanner: '/dev/hidraw3' }]);
    stopScans();
    backend.send('/dev/hidraw3', imeiReport);
    expect(scans).toHaveLength(1);
    await service.stop();
  });

  it('a backend that cannot list devices is logged, never thrown at the app', async () => {
    const backend = new FakeHidBackend();
    backend.listError = new Error('node-hid could not load');
    const problems: string[] = [];
    const service = createHidScannerService(backend, (p) => problems.push(p.problem));
    expect(() => service.start()).not.toThrow();
    await settle();
    expect(problems).toContain('enumeration_failed');
    await service.stop();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { FakeHidBackend } from './fake-hid-backend';
import type { HidDeviceInfo } from './hid-backend';
import { createScannerService, type ScannerProblem, type ScannerService, type ScannerServiceOptions } from './scanner-service';
import { garbage, gs1Reports, gs1Text, imeiReport, imeiText, serialReport, serialText } from './testing/recorded-reports';

const honeywell = (path: string, serialNumber?: string): HidDeviceInfo => ({
  path,
  vendorId: 0x0c2e,
  productId: 0x0b8f,
  manufacturer: 'Honeywell',
  product: 'Voyager 1400g',
  usagePage: 0x8c,
  usage: 0x02,
  ...(serialNumber ? { serialNumber } : {}),
});

interface Harness {
  backend: FakeHidBackend;
  service: ScannerService;
  scans: ScanEvent[];
  problems: ScannerProblem[];
  changes: ScannerStatus[][];
  clock: { t: number };
}

let running: ScannerService | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function harness(options: Partial<ScannerServiceOptions> = {}): Harness {
  const backend = new FakeHidBackend();
  const clock = { t: 1_700_000_000_000 };
  const scans: ScanEvent[] = [];
  const problems: ScannerProblem[] = [];
  const changes: ScannerStatus[][] = [];
  const service = createScannerService({
    backend,
    onScan: (scan) => scans.push(scan),
    onChange: (scanners) => changes.push(scanners),
    onProblem: (problem) => problems.push(problem),
    pollMs: 0,
    now: () => clock.t,
    ...options,
  });
  running = service;
  return { backend, service, scans, problems, changes, clock };
}

describe('createScannerService', () => {
  it('opens only HID POS scanners (usage page 0x8C, usage 0x02) and lists them', async () => {
    const { backend, service, changes } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    backend.plug({ path: '/dev/hidraw0', vendorId: 0x046d, productId: 0xc31c, product: 'Keyboard', usagePage: 0x01, usage: 0x06 });
    backend.plug({ path: '/dev/hidraw5', vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, usage: 0x01 });
    await service.start();
    expect(service.list()).toEqual([{ id: '/dev/hidraw3', name: 'Honeywell Voyager 1400g', transport: 'hid', state: 'open' }]);
    expect(backend.isOpen('/dev/hidraw0')).toBe(false);
    expect(changes.at(-1)).toEqual(service.list());
  });

  it('emits single- and multi-report scans as ScanEvents with scanner path and AIM id', async () => {
    const { backend, service, scans, clock } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    await service.start();
    backend.send('/dev/hidraw3', imeiReport);
    clock.t += 50;
    backend.send('/dev/hidraw3', gs1Reports[0]);
    clock.t += 4;
    backend.send('/dev/hidraw3', gs1Reports[1]);
    expect(scans).toEqual([
      { raw: imeiText, source: 'hid', scanner: '/dev/hidraw3', symbology: ']C0', at: 1_700_000_000_000 },
      { raw: gs1Text, source: 'hid', scanner: '/dev/hidraw3', symbology: ']d2', at: 1_700_000_000_054 },
    ]);
  });

  it('keeps two scanners apart when their reports interleave', async () => {
    const { backend, service, scans, problems } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    backend.plug(honeywell('/dev/hidraw4'));
    await service.start();
    backend.send('/dev/hidraw3', gs1Reports[0]);
    backend.send('/dev/hidraw4', gs1Reports[0]);
    backend.send('/dev/hidraw4', gs1Reports[1]);
    backend.send('/dev/hidraw3', serialReport); // breaks hidraw3's GS1 scan: its own, not hidraw4's
    backend.send('/dev/hidraw3', imeiReport);
    expect(scans.map((s) => [s.scanner, s.raw])).toEqual([
      ['/dev/hidraw4', gs1Text],
      ['/dev/hidraw3', serialText],
      ['/dev/hidraw3', imeiText],
    ]);
    expect(problems.map((p) => [p.scanner, p.problem])).toEqual([['/dev/hidraw3', 'scan_interrupted']]);
  });

  it('drops and reports a scan cut short by an unplug, lists the scanner as disconnected, and reopens it when it is back', async () => {
    const { backend, service, scans, problems } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    await service.start();
    backend.send('/dev/hidraw3', gs1Reports[0]);
    expect(() => backend.unplug('/dev/hidraw3')).not.toThrow();
    expect(scans).toEqual([]);
    expect(problems.map((p) => p.problem)).toEqual(['read_failed', 'scan_interrupted']);
    expect(service.list()).toEqual([expect.objectContaining({ id: '/dev/hidraw3', state: 'disconnected', problem: 'scan_interrupted' })]);

    await service.refresh();
    expect(service.list()[0]?.state).toBe('disconnected');
    backend.plug(honeywell('/dev/hidraw3'));
    await service.refresh();
    expect(service.list()).toEqual([expect.objectContaining({ id: '/dev/hidraw3', state: 'open' })]);
    backend.send('/dev/hidraw3', gs1Reports[1]); // the tail of the lost scan: a scan of its own, not glued on
    backend.send('/dev/hidraw3', imeiReport);
    expect(scans.map((s) => s.raw)).toEqual(['A\u001d17261231', imeiText]);
  });

  it('notices a scanner vanishing from the device list even without a read error', async () => {
    const { backend, service } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    await service.start();
    // Remove it from the list without its handle failing (some platforms are quiet on unplug).
    const list = backend.list.bind(backend);
    backend.list = async () => (await list()).filter((d) => d.path !== '/dev/hidraw3');
    await service.refresh();
    expect(service.list()).toEqual([expect.objectContaining({ state: 'disconnected' })]);
    expect(backend.isOpen('/dev/hidraw3')).toBe(false);
  });

  it('reports garbage, keeps the scanner open, and lets the next good scan through', async () => {
    const { backend, service, scans, problems } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    await service.start();
    for (const bytes of Object.values(garbage)) expect(() => backend.send('/dev/hidraw3', bytes)).not.toThrow();
    expect(problems.map((p) => p.problem)).toEqual(['unknown_report', 'too_short', 'bad_length']);
    expect(service.list()[0]).toMatchObject({ state: 'open', problem: 'bad_length' });
    backend.send('/dev/hidraw3', imeiReport);
    expect(scans.map((s) => s.raw)).toEqual([imeiText]);
    expect(service.list()[0]).toEqual({ id: '/dev/hidraw3', name: 'Honeywell Voyager 1400g', transport: 'hid', state: 'open' });
  });

  it('shows a scanner it may not open as error/permission_denied and retries it later', async () => {
    const { backend, service, problems, clock } = harness({ retryOpenMs: 5000 });
    backend.plug(honeywell('/dev/hidraw3'));
    backend.failOpen('/dev/hidraw3', 'permission_denied');
    await service.start();
    expect(service.list()).toEqual([expect.objectContaining({ state: 'error', problem: 'permission_denied', detail: expect.stringContaining('/dev/hidraw3') })]);
    expect(problems.map((p) => p.problem)).toEqual(['permission_denied']);

    backend.allowOpen('/dev/hidraw3');
    clock.t += 1000;
    await service.refresh();
    expect(backend.opens.get('/dev/hidraw3')).toBe(1); // not yet: retries wait retryOpenMs
    clock.t += 5000;
    await service.refresh();
    expect(service.list()[0]?.state).toBe('open');
  });

  it('shows a device that fails to open for another reason as error/open_failed', async () => {
    const { backend, service } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    backend.failOpen('/dev/hidraw3', 'open_failed', 'device busy');
    await service.start();
    expect(service.list()).toEqual([expect.objectContaining({ state: 'error', problem: 'open_failed', detail: 'device busy' })]);
  });

  it('reports a failing device enumeration once and carries on', async () => {
    const { backend, service, problems } = harness();
    backend.listError = new Error('libusb-1.0.so.0: cannot open shared object file');
    await expect(service.start()).resolves.toBeUndefined();
    await service.refresh();
    expect(problems).toEqual([expect.objectContaining({ problem: 'enumeration_failed', detail: expect.stringContaining('libusb') })]);
    expect(problems[0]?.scanner).toBeUndefined();
    backend.listError = undefined;
    backend.plug(honeywell('/dev/hidraw3'));
    await service.refresh();
    expect(service.list()[0]?.state).toBe('open');
  });

  it('finds a scanner plugged in after start by polling', async () => {
    const { backend, service } = harness({ pollMs: 10, now: Date.now });
    await service.start();
    expect(service.list()).toEqual([]);
    backend.plug(honeywell('/dev/hidraw7'));
    await expect.poll(() => service.list()[0]?.state, { timeout: 2000, interval: 10 }).toBe('open');
  });

  it('forgets a disconnected scanner after a while, and at once when it comes back under a new path', async () => {
    const { backend, service, clock } = harness({ forgetAfterMs: 60_000 });
    backend.plug(honeywell('/dev/hidraw3', 'SN-1'));
    backend.plug(honeywell('/dev/hidraw4', 'SN-2'));
    await service.start();
    backend.unplug('/dev/hidraw3');
    backend.unplug('/dev/hidraw4');
    backend.plug(honeywell('/dev/hidraw9', 'SN-1'));
    await service.refresh();
    expect(service.list().map((s) => [s.id, s.state])).toEqual([
      ['/dev/hidraw4', 'disconnected'],
      ['/dev/hidraw9', 'open'],
    ]);
    clock.t += 60_000;
    await service.refresh();
    expect(service.list().map((s) => s.id)).toEqual(['/dev/hidraw9']);
  });

  it('survives a listener that throws', async () => {
    const backend = new FakeHidBackend();
    backend.plug(honeywell('/dev/hidraw3'));
    const service = createScannerService({
      backend,
      pollMs: 0,
      onScan: () => {
        throw new Error('desk bug');
      },
      onChange: () => {
        throw new Error('desk bug');
      },
    });
    running = service;
    await service.start();
    expect(() => backend.send('/dev/hidraw3', imeiReport)).not.toThrow();
    expect(service.list()[0]?.state).toBe('open');
  });

  it('closes every scanner on stop', async () => {
    const { backend, service } = harness();
    backend.plug(honeywell('/dev/hidraw3'));
    backend.plug(honeywell('/dev/hidraw4'));
    await service.start();
    await service.stop();
    expect(backend.isOpen('/dev/hidraw3')).toBe(false);
    expect(backend.isOpen('/dev/hidraw4')).toBe(false);
    expect(service.list()).toEqual([]);
  });
});

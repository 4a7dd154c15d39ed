import { describe, expect, it } from 'vitest';
import type { KvikdeskBridge } from '../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel, ScannerStatus } from '../../shared/ipc/contract';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { createElectronPlatform, PlatformCallError } from './electron';

/** A bridge whose answers the test sets per channel, recording what the platform asked. */
class FakeBridge implements KvikdeskBridge {
  readonly calls: Array<[InvokeChannel, unknown]> = [];
  readonly answers = new Map<InvokeChannel, unknown>();
  readonly listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  invoke(channel: InvokeChannel, request: unknown): Promise<unknown> {
    this.calls.push([channel, request]);
    return Promise.resolve(this.answers.get(channel));
  }
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => void set.delete(listener);
  }
  emit(channel: EventChannel, payload: unknown): void {
    this.listeners.get(channel)?.forEach((listener) => listener(payload));
  }
}

const scan: ScanEvent = { raw: '354381079141772', source: 'hid', scanner: '/dev/hidraw3', at: 1_790_000_000_000 };
const scanner: ScannerStatus = { id: '/dev/hidraw3', name: 'Zebra DS2208', transport: 'hid', state: 'open' };

describe('createElectronPlatform calls', () => {
  it('offers raw HID scanners (the main process reads them)', () => {
    expect(createElectronPlatform(new FakeBridge()).capabilities.hidScanners).toBe(true);
  });

  it('sends each method on its contract channel with the right request', async () => {
    const bridge = new FakeBridge();
    bridge.answers.set('app:info', { ok: true, value: { name: 'Kvikdesk', version: '0.1.0', platform: 'win32', electron: '41.7.1' } });
    bridge.answers.set('scanners:list', { ok: true, value: [scanner] });
    bridge.answers.set('print:page', { ok: true, value: { printed: true } });
    bridge.answers.set('print:pdf', { ok: true, value: { saved: true, path: 'C:\\Users\\desk\\Documents\\Lager.pdf' } });
    bridge.answers.set('secrets:get', { ok: true, value: null });
    bridge.answers.set('secrets:set', { ok: true, value: { encrypted: false } });
    const platform = createElectronPlatform(bridge);

    expect(await platform.appInfo()).toEqual({ name: 'Kvikdesk', version: '0.1.0', platform: 'win32', electron: '41.7.1' });
    expect(await platform.listScanners()).toEqual([scanner]);
    expect(await platform.print()).toEqual({ printed: true });
    expect(await platform.savePdf('Lager')).toEqual({ saved: true, path: 'C:\\Users\\desk\\Documents\\Lager.pdf' });
    expect(await platform.getSecret('deskToken')).toBeNull();
    expect(await platform.setSecret('deskToken', 'tok')).toEqual({ encrypted: false });
    expect(bridge.calls).toEqual([
      ['app:info', undefined],
      ['scanners:list', undefined],
      ['print:page', { silent: false }],
      ['print:pdf', { fileName: 'Lager' }],
      ['secrets:get', 'deskToken'],
      ['secrets:set', { name: 'deskToken', value: 'tok' }],
    ]);
  });

  it('rejects with the main process error for { ok: false }', async () => {
    const bridge = new FakeBridge();
    bridge.answers.set('print:pdf', { ok: false, error: 'disk full' });
    const failure = createElectronPlatform(bridge).savePdf('x');
    await expect(failure).rejects.toBeInstanceOf(PlatformCallError);
    await expect(failure).rejects.toThrow('print:pdf: disk full');
  });

  it('rejects an answer outside the contract instead of passing it on', async () => {
    const bridge = new FakeBridge();
    bridge.answers.set('secrets:set', { ok: true, value: { encrypted: 'yes' } });
    await expect(createElectronPlatform(bridge).setSecret('deskToken', 't')).rejects.toThrow('secrets:set: answer outside the contract');
    bridge.answers.set('app:info', 'hello');
    await expect(createElectronPlatform(bridge).appInfo()).rejects.toThrow('neither');
    bridge.answers.set('scanners:list', { ok: true, value: [{ ...scanner, transport: 'bluetooth' }] });
    await expect(createElectronPlatform(bridge).listScanners()).rejects.toThrow('outside the contract');
  });

  it('passes on a bridge rejection (no handler in the main process)', async () => {
    const bridge = new FakeBridge();
    bridge.invoke = () => Promise.reject(new Error("No handler registered for 'app:info'"));
    await expect(createElectronPlatform(bridge).appInfo()).rejects.toThrow('No handler registered');
  });
});

describe('createElectronPlatform events', () => {
  it('delivers valid scans and scanner changes until unsubscribed', () => {
    const bridge = new FakeBridge();
    const platform = createElectronPlatform(bridge);
    const scans: ScanEvent[] = [];
    const changes: ScannerStatus[][] = [];
    const stopScans = platform.onScan((s) => scans.push(s));
    platform.onScannersChanged((s) => changes.push(s));
    bridge.emit('scanners:scan', scan);
    bridge.emit('scanners:changed', [scanner]);
    stopScans();
    bridge.emit('scanners:scan', { ...scan, raw: 'after' });
    expect(scans).toEqual([scan]);
    expect(changes).toEqual([[scanner]]);
  });

  it('drops an event outside the contract and reports it', () => {
    const bridge = new FakeBridge();
    const reported: PlatformCallError[] = [];
    const platform = createElectronPlatform(bridge, { onInvalidEvent: (error) => reported.push(error) });
    const scans: ScanEvent[] = [];
    platform.onScan((s) => scans.push(s));
    bridge.emit('scanners:scan', { raw: 42, source: 'hid', at: 1 });
    expect(scans).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.channel).toBe('scanners:scan');
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { HidOpenError, type HidHandleEvents } from './hid-backend';
import { classifyOpenError, createNodeHidBackend, type NodeHidApi, type NodeHidDevice } from './node-hid-backend';
import { imeiReport } from './testing/recorded-reports';

/**
 * node-hid's Linux binary links the system's libusb-1.0 (Debian: libusb-1.0-0). Where that library
 * is missing the real-module test is skipped, and says why; any other failure to load still fails
 * it. (The desk itself starts without it and lists the problem in its scanner settings.)
 */
async function missingSystemLibrary(): Promise<string | undefined> {
  try {
    await createNodeHidBackend().list();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /^(lib[\w.+-]+\.so[.\d]*): cannot open shared object file/.exec(message)?.[1];
  }
}
const missingLibrary = await missingSystemLibrary();
const systemLibraryMissing = missingLibrary !== undefined;
if (missingLibrary) console.warn(`[node-hid] ${missingLibrary} is not installed on this machine: the test with the real node-hid is SKIPPED (Debian: apt-get install libusb-1.0-0).`);

/** node-hid's HIDAsync as far as the backend uses it: an EventEmitter with close(). */
class StandInDevice extends EventEmitter implements NodeHidDevice {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
  }
}

function standIn(openError?: Error): { api: NodeHidApi; devices: StandInDevice[] } {
  const devices: StandInDevice[] = [];
  const api: NodeHidApi = {
    devicesAsync: async () => [
      { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, release: 1, interface: 0, product: 'Voyager', usagePage: 0x8c, usage: 0x02 },
      { vendorId: 1, productId: 2, release: 0, interface: 0 },
    ],
    HIDAsync: {
      open: async () => {
        if (openError) throw openError;
        const device = new StandInDevice();
        devices.push(device);
        return device;
      },
    },
  };
  return { api, devices };
}

function recorder(): HidHandleEvents & { log: string[]; reports: Uint8Array[] } {
  const log: string[] = [];
  const reports: Uint8Array[] = [];
  return {
    log,
    reports,
    data: (report) => reports.push(report),
    error: (error) => log.push(`error ${error.message}`),
    close: () => log.push('close'),
  };
}

describe('createNodeHidBackend', () => {
  it('lists devices with a path, with their usage page and usage', async () => {
    const backend = createNodeHidBackend({ load: async () => standIn().api });
    expect(await backend.list()).toEqual([{ path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b8f, product: 'Voyager', usagePage: 0x8c, usage: 0x02 }]);
  });

  it('hands reports on as bytes, and on a read error reports it and closes once', async () => {
    const { api, devices } = standIn();
    const backend = createNodeHidBackend({ load: async () => api });
    const events = recorder();
    await backend.open('/dev/hidraw3', events);
    const device = devices[0];
    if (!device) throw new Error('not opened');
    device.emit('data', Buffer.from(imeiReport));
    expect(events.reports).toEqual([imeiReport]);
    device.emit('error', new Error('could not read from HID device'));
    device.emit('error', new Error('again'));
    await vi.waitFor(() => expect(events.log).toEqual(['error could not read from HID device', 'close']));
    expect(device.closed).toBe(true);
  });

  it('closes on request, once', async () => {
    const { api, devices } = standIn();
    const events = recorder();
    const handle = await createNodeHidBackend({ load: async () => api }).open('/dev/hidraw3', events);
    await handle.close();
    await handle.close();
    expect(events.log).toEqual(['close']);
    expect(devices[0]?.closed).toBe(true);
  });

  it('says permission_denied when the device node is not readable, open_failed otherwise', async () => {
    const opening = new Error('cannot open device with path /dev/hidraw3');
    const denied = createNodeHidBackend({ load: async () => standIn(opening).api, canAccess: async () => false });
    await expect(denied.open('/dev/hidraw3', recorder())).rejects.toMatchObject({ name: 'HidOpenError', problem: 'permission_denied' });
    const failed = createNodeHidBackend({ load: async () => standIn(opening).api, canAccess: async () => true });
    await expect(failed.open('/dev/hidraw3', recorder())).rejects.toMatchObject({ problem: 'open_failed' });
  });

  it('reads the platform messages that say permission outright', async () => {
    const always = async () => true;
    expect((await classifyOpenError('\\\\?\\hid#vid_0c2e', new Error('Access is denied.'), always)).problem).toBe('permission_denied');
    expect((await classifyOpenError('IOService:/x', new Error('(iokit/common) not permitted'), always)).problem).toBe('permission_denied');
    expect(await classifyOpenError('IOService:/x', 'busy', always)).toBeInstanceOf(HidOpenError);
  });

  it('retries loading node-hid after a failed load, and reports the failure from list()', async () => {
    let attempts = 0;
    const backend = createNodeHidBackend({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('libusb-1.0.so.0: cannot open shared object file');
        return standIn().api;
      },
    });
    await expect(backend.list()).rejects.toThrow(/libusb/);
    expect(await backend.list()).toHaveLength(1);
  });

  it.skipIf(systemLibraryMissing)('loads the real node-hid on this machine and enumerates', async () => {
    const devices = await createNodeHidBackend().list();
    expect(Array.isArray(devices)).toBe(true);
  });
});

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type * as NodeHidModule from 'node-hid';
import { HidOpenError, type HidBackend, type HidDeviceInfo, type HidHandle, type HidHandleEvents } from './hid-backend';

/**
 * HidBackend over node-hid 3 (hidapi). On Linux node-hid uses the hidraw driver: devices are
 * `/dev/hidrawN` and need the udev rule in `udev-rule.ts` to be opened without root.
 *
 * node-hid is loaded on first use, not at import: a missing native binary (or libusb) then shows
 * up as a scanner problem in the settings instead of the main process failing to start.
 */

/** The part of node-hid used here (the real module satisfies it; tests pass a stand-in). */
export interface NodeHidApi {
  devicesAsync(): Promise<NodeHidModule.Device[]>;
  HIDAsync: { open(path: string): Promise<NodeHidDevice> };
}
export interface NodeHidDevice {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(event: 'data'): unknown;
  close(): Promise<void>;
}

export interface NodeHidBackendOptions {
  /** How node-hid is loaded; tests pass their own. */
  load?: () => Promise<NodeHidApi>;
  /** Whether this process may read and write a device node (Linux permission check). */
  canAccess?: (path: string) => Promise<boolean>;
}

const loadNodeHid = async (): Promise<NodeHidApi> => {
  const mod: typeof NodeHidModule & { default?: typeof NodeHidModule } = await import('node-hid');
  // node-hid is CommonJS: under Node's ESM loader its exports sit on `default`.
  return mod.default ?? mod;
};

const canReadWrite = async (path: string): Promise<boolean> => {
  try {
    await access(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const PERMISSION_WORDS = /permission|access is denied|access denied|not permitted|EACCES|EPERM/i;

/** Why a device did not open: hidapi's own message rarely says, so on Linux the node is checked. */
export async function classifyOpenError(path: string, error: unknown, canAccess: (path: string) => Promise<boolean>): Promise<HidOpenError> {
  const message = error instanceof Error ? error.message : String(error);
  if (PERMISSION_WORDS.test(message)) return new HidOpenError('permission_denied', message, { cause: error });
  if (path.startsWith('/dev/') && !(await canAccess(path))) {
    return new HidOpenError('permission_denied', `${message} (no read/write permission on ${path})`, { cause: error });
  }
  return new HidOpenError('open_failed', message, { cause: error });
}

function toInfo(device: NodeHidModule.Device): HidDeviceInfo | null {
  if (!device.path) return null;
  const info: HidDeviceInfo = { path: device.path, vendorId: device.vendorId, productId: device.productId };
  if (device.manufacturer) info.manufacturer = device.manufacturer;
  if (device.product) info.product = device.product;
  if (device.serialNumber) info.serialNumber = device.serialNumber;
  if (device.usagePage !== undefined) info.usagePage = device.usagePage;
  if (device.usage !== undefined) info.usage = device.usage;
  return info;
}

export function createNodeHidBackend(options: NodeHidBackendOptions = {}): HidBackend {
  const load = options.load ?? loadNodeHid;
  const canAccess = options.canAccess ?? canReadWrite;
  let hid: Promise<NodeHidApi> | undefined;
  const nodeHid = () => (hid ??= load().catch((error: unknown) => {
    hid = undefined;
    throw error;
  }));

  return {
    async list() {
      const devices = await (await nodeHid()).devicesAsync();
      return devices.map(toInfo).filter((d): d is HidDeviceInfo => d !== null);
    },

    async open(path: string, events: HidHandleEvents): Promise<HidHandle> {
      const { HIDAsync } = await nodeHid();
      let device: NodeHidDevice;
      try {
        device = await HIDAsync.open(path);
      } catch (error) {
        throw await classifyOpenError(path, error, canAccess);
      }
      let closed = false;
      const finish = async () => {
        if (closed) return;
        closed = true;
        device.removeAllListeners('data');
        try {
          await device.close();
        } catch {
          // already gone with the device
        }
        events.close();
      };
      device.on('data', (data: Buffer) => events.data(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      device.on('error', (error: unknown) => {
        if (closed) return;
        events.error(error instanceof Error ? error : new Error(String(error)));
        void finish();
      });
      return { close: finish };
    },
  };
}

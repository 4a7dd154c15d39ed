/**
 * Device access behind a small interface, so the scanner service runs the same over node-hid
 * (`node-hid-backend.ts`) and over recorded reports in tests (`fake-hid-backend.ts`).
 */

export interface HidDeviceInfo {
  /** Platform path (`/dev/hidraw3`, `\\?\HID#VID_0C2E...`, `IOService:/...`): the scanner's id. */
  path: string;
  vendorId: number;
  productId: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  /** Top-level collection's usage page and usage; HID POS scanners are 0x8C / 0x02. */
  usagePage?: number;
  usage?: number;
}

export interface HidHandleEvents {
  /** One input report, report id first when the device numbers its reports. */
  data(report: Uint8Array): void;
  /** A read failed (on most platforms: the device was unplugged). */
  error(error: Error): void;
  /** The handle is closed and emits nothing more. */
  close(): void;
}

export interface HidHandle {
  close(): Promise<void>;
}

export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  /** Opens the device and delivers its reports to `events` until closed. Rejects with HidOpenError. */
  open(path: string, events: HidHandleEvents): Promise<HidHandle>;
}

export type HidOpenProblem = 'permission_denied' | 'open_failed';

export class HidOpenError extends Error {
  constructor(
    readonly problem: HidOpenProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HidOpenError';
  }
}

/** HID Point of Sale Usage Tables: usage page 0x8C "Bar Code Scanner", usage 0x02 "Bar Code Scanner". */
export const BARCODE_SCANNER_USAGE_PAGE = 0x8c;
export const BARCODE_SCANNER_USAGE = 0x02;

export function isBarcodeScanner(device: HidDeviceInfo): boolean {
  return device.usagePage === BARCODE_SCANNER_USAGE_PAGE && device.usage === BARCODE_SCANNER_USAGE;
}

import { HidOpenError, type HidBackend, type HidDeviceInfo, type HidHandle, type HidHandleEvents, type HidOpenProblem } from './hid-backend';

/**
 * A HidBackend with devices you plug, unplug and make send reports: for tests, and for running
 * the desk without scanners attached. It behaves like node-hid where it matters: an unplugged
 * device's open handle reports a read error and then closes.
 */
export class FakeHidBackend implements HidBackend {
  private readonly devices = new Map<string, HidDeviceInfo>();
  private readonly handles = new Map<string, HidHandleEvents>();
  private readonly openFailures = new Map<string, { problem: HidOpenProblem; message: string }>();
  /** Opens attempted per path. */
  readonly opens = new Map<string, number>();
  /** When set, list() rejects with it (enumeration failing, e.g. node-hid missing its binary). */
  listError: Error | undefined;

  plug(device: HidDeviceInfo): void {
    this.devices.set(device.path, device);
  }

  unplug(path: string): void {
    this.devices.delete(path);
    const events = this.handles.get(path);
    if (!events) return;
    this.handles.delete(path);
    events.error(new Error(`could not read from HID device ${path}`));
    events.close();
  }

  /** Deliver one input report from the device, as its read loop would. */
  send(path: string, report: Uint8Array | readonly number[]): void {
    const events = this.handles.get(path);
    if (!events) throw new Error(`${path} is not open`);
    events.data(Uint8Array.from(report));
  }

  failOpen(path: string, problem: HidOpenProblem, message = `cannot open device with path ${path}`): void {
    this.openFailures.set(path, { problem, message });
  }

  allowOpen(path: string): void {
    this.openFailures.delete(path);
  }

  isOpen(path: string): boolean {
    return this.handles.has(path);
  }

  async list(): Promise<HidDeviceInfo[]> {
    if (this.listError) throw this.listError;
    return [...this.devices.values()];
  }

  async open(path: string, events: HidHandleEvents): Promise<HidHandle> {
    this.opens.set(path, (this.opens.get(path) ?? 0) + 1);
    const failure = this.openFailures.get(path);
    if (failure) throw new HidOpenError(failure.problem, failure.message);
    if (!this.devices.has(path)) throw new HidOpenError('open_failed', `cannot open device with path ${path}`);
    if (this.handles.has(path)) throw new HidOpenError('open_failed', `${path} is already open`);
    this.handles.set(path, events);
    return {
      close: async () => {
        if (this.handles.get(path) !== events) return;
        this.handles.delete(path);
        events.close();
      },
    };
  }
}

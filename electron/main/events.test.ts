import { describe, expect, it } from 'vitest';
import { createEventSender, type EventRecipient } from './events';
import type { ScanEvent } from '../../shared/scan/scan-event';

class FakeContents implements EventRecipient {
  readonly sent: Array<[string, unknown]> = [];
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const scan: ScanEvent = { raw: '354381079141772', source: 'hid', scanner: '/dev/hidraw3', at: 1_790_000_000_000 };

describe('createEventSender', () => {
  it('sends a payload that keeps the contract', () => {
    const contents = new FakeContents();
    const send = createEventSender(() => contents, { error: () => undefined });
    expect(send('scanners:scan', scan)).toBe(true);
    expect(contents.sent).toEqual([['scanners:scan', scan]]);
  });

  it('does not send, and says why, when the payload breaks the contract', () => {
    const contents = new FakeContents();
    const errors: string[] = [];
    const send = createEventSender(() => contents, { error: (message: string) => void errors.push(message) });
    const tooLong: ScanEvent = { ...scan, raw: 'x'.repeat(5000) };
    expect(send('scanners:scan', tooLong)).toBe(false);
    expect(contents.sent).toEqual([]);
    expect(errors[0]).toContain('scanners:scan');
  });

  it('drops events while there is no window, or only a destroyed one', () => {
    expect(createEventSender(() => null)('scanners:changed', [])).toBe(false);
    const contents = new FakeContents();
    contents.destroyed = true;
    expect(createEventSender(() => contents)('scanners:changed', [])).toBe(false);
    expect(contents.sent).toEqual([]);
  });
});

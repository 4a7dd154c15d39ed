import { z } from 'zod';
import { eventChannels, type EventChannel, type EventPayload } from '../../shared/ipc/contract';

/**
 * Messages the main process sends the renderer unasked (scans from raw HID scanners, scanner
 * changes). Checked against the contract before they leave, so a bug in a producer shows up here,
 * named, instead of as a confusing failure in the UI.
 */

/** The part of `WebContents` events go to. */
export interface EventRecipient {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export type SendEvent = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => boolean;

/**
 * A sender bound to whatever window is current (`target()` may return `null` while no window is
 * open: the event is dropped, there being nobody to show it to). Returns whether it was sent.
 */
export function createEventSender(target: () => EventRecipient | null, log: Pick<Console, 'error'> = console): SendEvent {
  return (channel, payload) => {
    const checked = z.safeParse(eventChannels[channel], payload);
    if (!checked.success) {
      log.error(`events: not sending ${channel}, the payload breaks the contract: ${z.prettifyError(checked.error)}`);
      return false;
    }
    const contents = target();
    if (contents === null || contents.isDestroyed()) return false;
    contents.send(channel, checked.data);
    return true;
  };
}

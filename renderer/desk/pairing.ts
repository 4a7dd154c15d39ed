import type { Message } from './workflows/workflow';

/**
 * A scan that goes with the device the batch's scan before recorded — a SIM card with a phone
 * handed out, a pre-printed asset tag with a device received: the event to record on that device,
 * or why not.
 */
export type Pairing<T extends 'sim_paired' | 'tagged', D> =
  | { ok: true; event: T; deviceKey: string; data: D; label: string }
  | { ok: false; tone: 'error' | 'warning'; message: Message };

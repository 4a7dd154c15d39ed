import type { Device } from '../domain/device';
import type { ReuseOutcome } from '../domain/event';

/** Used devices like the one about to go out, ready at the desk: what the amber advice names. */
export interface ReuseAdvice {
  /** The model they share with it, or absent when it has none and they share its kind. */
  model?: string;
  kind: Device['kind'];
  /** How many used ones stand ready. */
  count: number;
}

/** Used: handed out before (the reports' rule: `handouts` above 0 makes the next handout a reuse). */
export const isUsed = (device: Pick<Device, 'handouts'>): boolean => device.handouts > 0;

/**
 * Reuse first: a handout about to give out a device never handed out before, while used devices
 * of the same model (or the same kind, when it has no model) stand ready at this location, gets
 * the advice to take a used one. `null` when there is nothing to advise.
 */
export function reuseAdvice(device: Device, location: string, stock: readonly Device[]): ReuseAdvice | null {
  if (isUsed(device)) return null;
  const alike = (other: Device) => (device.model ? other.model === device.model : other.kind === device.kind);
  const count = stock.filter((other) => other.key !== device.key && other.status === 'ready' && other.location === location && isUsed(other) && alike(other)).length;
  if (count === 0) return null;
  return { ...(device.model ? { model: device.model } : {}), kind: device.kind, count };
}

export type { ReuseOutcome } from '../domain/event';

/** What became of an advice, recorded with the handout (`reuseOutcomeSchema`). */
export function reuseOutcome(advised: ReuseAdvice, handedOut: Device): ReuseOutcome {
  const alike = advised.model ? handedOut.model === advised.model : handedOut.kind === advised.kind;
  return alike && isUsed(handedOut) ? 'followed' : 'declined';
}

import type { Device } from '../../shared/domain/device';
import { reuseAdvice, reuseOutcome, type ReuseAdvice, type ReuseOutcome } from '../../shared/reuse/advice';
import { isAllowed } from '../../shared/lifecycle/transitions';
import { deviceLabel } from '../desk/device-label';
import type { Message } from '../desk/workflows/workflow';

/** An advice the desk gave and waits to see answered by the next scan. */
export interface PendingAdvice {
  /** The never-handed-out device the advice was about. */
  deviceKey: string;
  advice: ReuseAdvice;
}

export type ReuseCheck =
  /** Amber: used ones like it stand ready; the device is not handed out yet. */
  | { kind: 'advise'; message: Message; pending: PendingAdvice }
  /** Hand it out; with the outcome when it answers an advice. */
  | { kind: 'hand_out'; outcome?: ReuseOutcome };

/**
 * Reuse first, at the counter: a handout about to give out a device never handed out before,
 * while used ones like it stand ready here, is held back with the advice (`shared/reuse/advice.ts`).
 * The next scan answers it: the same device again hands it out anyway (`declined`), a used one
 * like it is the advice `followed`. Anything else drops the advice unanswered.
 */
export function reuseCheck(
  device: Device,
  location: string,
  readyHere: readonly Device[],
  pending: PendingAdvice | undefined,
  modelName: (id: string) => string,
): ReuseCheck {
  if (pending?.deviceKey === device.key) return { kind: 'hand_out', outcome: 'declined' };
  if (pending && reuseOutcome(pending.advice, device) === 'followed') return { kind: 'hand_out', outcome: 'followed' };
  // A device that cannot go out now is refused by the lifecycle; no advice first.
  if (!isAllowed(device.status, 'handed_out')) return { kind: 'hand_out' };
  const advice = reuseAdvice(device, location, readyHere);
  if (!advice) return { kind: 'hand_out' };
  const message: Message = advice.model
    ? { key: 'feedback.reuseModel', params: { count: advice.count, model: modelName(advice.model), device: deviceLabel(device) } }
    : { key: 'feedback.reuseKind', params: { count: advice.count, kind: advice.kind, device: deviceLabel(device) } };
  return { kind: 'advise', message, pending: { deviceKey: device.key, advice } };
}

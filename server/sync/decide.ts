import type { Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import type { DeviceReplay } from '../../shared/lifecycle/apply';
import { describeRefusal, type RefusalCode } from '../../shared/lifecycle/refusal';

export type Decision =
  | { status: 'accepted'; device: Device | null }
  | { status: 'conflict'; reason: string; reasonCode: RefusalCode };

/**
 * Accepted or conflict, decided by `apply` — the one transition table the desks use too — on the
 * central projection in server order (`replay` holds the device and its latest event, which an
 * undo needs). A conflict keeps the refusal's code for the desk to translate and its English
 * sentence for logs.
 */
export function decide(replay: DeviceReplay, event: DeviceEvent): Decision {
  const result = replay.step(event);
  if (result.ok) return { status: 'accepted', device: result.device };
  return { status: 'conflict', reason: describeRefusal(result.refusal), reasonCode: result.refusal.code };
}

import type { Device } from '../../shared/domain/device';
import type { DeviceEvent } from '../../shared/domain/event';
import { DeviceReplay } from '../../shared/lifecycle/apply';
import type { LatestEvent } from '../../shared/lifecycle/corrections';

export interface Shown {
  device: Device | null;
  /** Events the transition table refused on top of the confirmed state: the server will too. */
  skipped: string[];
}

/**
 * What the desk shows for one device: the central inventory's confirmed state with this desk's
 * own not-yet-confirmed events replayed on top, in the order they were recorded. An event that no
 * longer applies (another desk got there first) is left out rather than stopping the replay, as a
 * Replicache mutator that fails is a no-op: the push will bring it back as a conflict.
 * `latest`: the confirmed device's latest event, for an undo of it among `events`.
 */
export function showDevice(confirmed: Device | null, events: readonly DeviceEvent[], latest?: LatestEvent): Shown {
  const replay = new DeviceReplay(confirmed, latest);
  const skipped: string[] = [];
  for (const event of events) if (!replay.step(event).ok) skipped.push(event.id);
  return { device: replay.state, skipped };
}

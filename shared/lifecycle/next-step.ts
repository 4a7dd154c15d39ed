import type { Condition } from '../domain/device';
import type { EventType } from '../domain/event';

/**
 * What the returns triage suggests after a device comes back: a working device is prepared again
 * for reuse (the seeds' reuse goal), a damaged or defective one goes to repair first.
 */
export function suggestedNextStep(condition: Condition): Extract<EventType, 'prepared' | 'sent_to_repair'> {
  return condition === 'ok' ? 'prepared' : 'sent_to_repair';
}

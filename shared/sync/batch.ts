import { utf8Length } from '../domain/limits';
import { syncLimits } from './protocol';

/**
 * How many events from the front of an outbox go into the next push: at most `maxEvents`, and
 * no more than fit in `maxBytes` of request body, so a desk with long notes or corrections never
 * earns a `413` it would retry forever. `0` means the first event alone is too large to send:
 * the desk must flag it for a person rather than retry it.
 */
export function takePushBatch(
  events: readonly unknown[],
  limits: { maxEvents?: number; maxBytes?: number } = {},
): number {
  const maxEvents = limits.maxEvents ?? syncLimits.pushMaxEvents;
  const maxBytes = limits.maxBytes ?? syncLimits.bodyMaxBytes;
  let bytes = utf8Length('{"events":[]}');
  let count = 0;
  for (const event of events) {
    if (count >= maxEvents) break;
    const size = utf8Length(JSON.stringify(event)) + (count > 0 ? 1 : 0);
    if (bytes + size > maxBytes) break;
    bytes += size;
    count += 1;
  }
  return count;
}

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

/** Bytes of `text` in UTF-8 (what goes on the wire), without TextEncoder: shared/ has no DOM. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

import fc from 'fast-check';
import { eventLimits, jsonBytes } from '../../shared/domain/limits';
import { deviceEventSchema } from '../../shared/domain/event';
import { pushResponseSchema, syncPaths } from '../../shared/sync/protocol';
import type { FetchLike } from '../../renderer/sync/client';
import { eventFor } from '../support/sync-desk';

/**
 * A desk that is broken, out of date or in the wrong hands: it pushes events whose content is
 * generated — strings at and over their limits, any UTF-16 (NUL and lone surrogates too), fields
 * no schema names, types no version knows — straight at the API, past every check a real desk
 * makes. Whatever it sends, the honest desks must end equal to the server with nothing lost.
 */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const textArb = fc.oneof(
  anyUnits,
  fc.constantFrom('\u0000', 'a\ud800b', '\udc00', 'ok 📱 æøå', ''),
  fc.constantFrom(
    'x'.repeat(eventLimits.idMax),
    'x'.repeat(eventLimits.idMax + 1),
    '€'.repeat(eventLimits.noteMax),
    '€'.repeat(eventLimits.noteMax + 1),
    'y'.repeat(eventLimits.eventMaxBytes),
  ),
);

export const hostileContentArb = fc.record({
  field: fc.constantFrom('operator', 'location', 'text', 'unknownField', 'unknownType', 'deskId'),
  value: textArb,
});
export type HostileContent = typeof hostileContentArb extends fc.Arbitrary<infer C> ? C : never;

/** One pushed element: a note on a shared device from `deskId`, with the generated content in it. */
export function hostileElement(deskId: string, key: string, content: HostileContent): Record<string, unknown> {
  const base: Record<string, unknown> = { ...eventFor({ deskId, operator: 'mallory', location: 'LAGER' }, 'note', key) };
  switch (content.field) {
    case 'operator':
    case 'location':
    case 'deskId':
      return { ...base, [content.field]: content.value };
    case 'text':
      return { ...base, data: { text: content.value } };
    case 'unknownField':
      return { ...base, extra: content.value, data: { text: 'ok', extra: content.value } };
    case 'unknownType':
      return { ...base, type: 'teleported', data: { to: content.value } };
  }
}

/**
 * Pushes the elements and checks every answer: a 200 with one answer each, `invalid` exactly for
 * what the event schema (with its limits) refuses or another desk's id, never a 5xx for content.
 * Network faults on the way are the network's, not the server's: they are let through as errors.
 */
export async function pushHostile(fetch: FetchLike, url: string, token: string, deskId: string, elements: readonly Record<string, unknown>[]): Promise<number> {
  const res = await fetch(`${url}${syncPaths.push}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: elements }),
  });
  if (res.status === 503) return 0; // an injected outage, not the content
  if (res.status !== 200) throw new Error(`a hostile push was answered ${res.status}: ${await res.text()}`);
  const { results } = pushResponseSchema.parse(await res.json());
  if (results.length !== elements.length) throw new Error('a hostile push was not answered once per element');
  let invalid = 0;
  results.forEach((result, i) => {
    const valid = deviceEventSchema.safeParse(elements[i]);
    const expectInvalid = jsonBytes(elements[i]) > eventLimits.eventMaxBytes || !valid.success || valid.data.deskId !== deskId;
    if ((result.status === 'invalid') !== expectInvalid)
      throw new Error(`element ${i} (${JSON.stringify(elements[i]).slice(0, 300)}) was answered ${JSON.stringify(result)}`);
    if (result.status === 'invalid') invalid += 1;
  });
  return invalid;
}

import { z } from 'zod';
import { eventLimits, jsonBytes } from '../domain/limits';
import { describeIssues, invalidResult, seqSchema, syncLimits, type InvalidResult } from '../sync/protocol';
import { accessoryEventSchema, type AccessoryEvent } from './event';

/**
 * The accessories' own stream beside the device log (`shared/design/SYNC.md`'s model, smaller):
 * `POST /v1/accessories/push` stores a desk's events, each judged on its own; `GET
 * /v1/accessories/pull?after=<seq>` gives every stored one in the stream's own gap-free order.
 * No conflicts: a count change is a fact that sums in any order, so a good event is always
 * applied; a bad one is answered `invalid` with its reason and is not stored.
 */
export const accessoryPaths = {
  push: '/v1/accessories/push',
  pull: '/v1/accessories/pull',
} as const;

export const accessoryLimits = {
  pushMaxEvents: 500,
  pullMaxLimit: 1000,
} as const;

export const accessoryPushBodySchema = z.object({ events: z.array(z.unknown()).min(1).max(accessoryLimits.pushMaxEvents) });

/**
 * Why an accessory event was refused: the envelope's (`invalid_event`, `too_large`, `wrong_desk`,
 * `id_conflict`) and the stream's own — an operator the centre does not know or whose role may not
 * (`not_permitted`), a location or an accessory the reference data does not hold, an undo that
 * does not take back exactly one receive or issue of the same desk (`bad_undo`).
 */
export const accessoryRefusalCodes = ['invalid_event', 'too_large', 'wrong_desk', 'id_conflict', 'not_permitted', 'unknown_location', 'unknown_accessory', 'bad_undo'] as const;
export type AccessoryRefusalCode = (typeof accessoryRefusalCodes)[number];

export const accessoryPushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), seq: seqSchema }),
  z.object({ id: z.string(), status: z.literal('duplicate'), seq: seqSchema }),
  z.object({ id: z.string().nullable(), status: z.literal('invalid'), reason: z.string(), reasonCode: z.string() }),
]);
export type AccessoryPushResult = z.infer<typeof accessoryPushResultSchema>;
export const accessoryPushResponseSchema = z.object({ results: z.array(accessoryPushResultSchema) });

export const accessoryPullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(accessoryLimits.pullMaxLimit).default(accessoryLimits.pullMaxLimit),
});

/** A page as it travels: each event read on its own by the desk (a newer type is kept aside, not fatal). */
export const accessoryPullPageSchema = z.object({
  events: z.array(z.object({ seq: seqSchema, event: z.unknown() })),
  last: seqSchema,
  more: z.boolean(),
});
export type AccessoryPullPage = z.infer<typeof accessoryPullPageSchema>;

export type CheckedAccessoryEvent = { ok: true; event: AccessoryEvent } | { ok: false; result: InvalidResult };

/** One pushed element before the database: size, schema (unknown fields dropped), the token's desk. */
export function checkPushedAccessoryEvent(raw: unknown, deskId: string): CheckedAccessoryEvent {
  const rawId = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : null;
  const bytes = jsonBytes(raw);
  if (bytes > eventLimits.eventMaxBytes)
    return { ok: false, result: invalidResult(rawId, 'too_large', `the event is ${bytes} bytes; at most ${eventLimits.eventMaxBytes} are allowed`) };
  const parsed = accessoryEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, result: invalidResult(rawId, 'invalid_event', describeIssues(parsed.error)) };
  if (parsed.data.deskId !== deskId)
    return { ok: false, result: invalidResult(parsed.data.id, 'wrong_desk', `the event belongs to desk ${parsed.data.deskId}, the token to desk ${deskId}`) };
  return { ok: true, event: parsed.data };
}

/** Kept for symmetry with the device push: the body limit is the protocol's. */
export const accessoryBodyMaxBytes = syncLimits.bodyMaxBytes;

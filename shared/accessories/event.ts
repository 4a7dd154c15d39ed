import { z } from 'zod';
import { isoTimestampSchema } from '../domain/device';
import { checkEventLimits, eventLimits as max, safeText } from '../domain/limits';

/**
 * Counted stock: what happened to an accessory's count at a location, as events of their own
 * synced stream (`/v1/accessories/…`), never device events — no device is invented for a charger.
 * Each is a change of the count (`deltaOf`), so stock is the sum of the accepted changes in any
 * order: desks offline at the same location converge without deciding who was first.
 */
export const accessoryEventTypes = ['accessory_received', 'accessory_issued', 'accessory_adjusted', 'accessory_undone'] as const;
export const accessoryEventTypeSchema = z.enum(accessoryEventTypes);
export type AccessoryEventType = z.infer<typeof accessoryEventTypeSchema>;

/** Limits of one event's count: a box holds at most this many, a handout gives at most this many of one accessory. */
export const accessoryCountLimits = {
  receivedMax: 10_000,
  issuedMax: 20,
  /** A team lead's correction moves the count by at most this much. */
  adjustedMax: 100_000,
} as const;

const id = safeText(max.idMax).min(1);
const count = (most: number) => z.number().int().min(1).max(most);

export const accessoryEventDataSchemas = {
  /** A box received: its count added to the location's stock. `gtin`: the box scanned, when scanned. */
  accessory_received: z.object({
    count: count(accessoryCountLimits.receivedMax),
    gtin: z.string().regex(/^\d{14}$/).optional(),
  }),
  /**
   * Given out with a handout: taken from the location's stock. The handout it went with: the
   * employee, their department, the request number, and the devices of the batch so far.
   */
  accessory_issued: z.object({
    count: count(accessoryCountLimits.issuedMax),
    employeeId: id,
    department: id.optional(),
    requestNumber: id.optional(),
    /** When the batch it went out in started (the desk's clock): the receipt gathers its lines by it. */
    batchStartedAt: isoTimestampSchema.optional(),
  }),
  /**
   * A team lead's count correction: `delta` moves the count (never 0), `counted` is what was on
   * the shelf when the desk saw `delta` as the difference, `reason` why.
   */
  accessory_adjusted: z.object({
    delta: z.number().int().min(-accessoryCountLimits.adjustedMax).max(accessoryCountLimits.adjustedMax).refine((d) => d !== 0, 'a correction changes the count'),
    counted: z.number().int().min(0).max(accessoryCountLimits.adjustedMax).optional(),
    reason: safeText(max.reasonMax).trim().min(1),
  }),
  /**
   * `KVIK:UNDO` of this desk's receive or issue (a box scanned twice, a charger scanned by
   * mistake): `delta` takes exactly that event's change back. The centre checks it against the
   * event it names (same desk, place and accessory, the opposite change, not undone before).
   */
  accessory_undone: z.object({
    undoes: z.uuid(),
    delta: z.number().int().min(-accessoryCountLimits.receivedMax).max(accessoryCountLimits.receivedMax).refine((d) => d !== 0, 'an undo changes the count'),
  }),
} as const satisfies Record<AccessoryEventType, z.ZodType>;

const envelope = {
  /** UUIDv7, made by the desk. */
  id: z.uuid(),
  at: isoTimestampSchema,
  deskId: id,
  operator: id,
  /** Where the stock changed: the desk's location. */
  location: id,
  /** The accessory's id in the catalogue. */
  accessory: id,
};

function variant<T extends AccessoryEventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), data: accessoryEventDataSchemas[type] });
}

export const accessoryEventSchema = z
  .discriminatedUnion('type', [variant('accessory_received'), variant('accessory_issued'), variant('accessory_adjusted'), variant('accessory_undone')])
  .superRefine(checkEventLimits);
export type AccessoryEvent = z.infer<typeof accessoryEventSchema>;
export type AccessoryEventOf<T extends AccessoryEventType> = Extract<AccessoryEvent, { type: T }>;

/** How an event changes its location's count. */
export function deltaOf(event: AccessoryEvent): number {
  switch (event.type) {
    case 'accessory_received':
      return event.data.count;
    case 'accessory_issued':
      return -event.data.count;
    case 'accessory_adjusted':
    case 'accessory_undone':
      return event.data.delta;
  }
}

/** Which events an undo may take back: a receive or an issue (a count correction is corrected by another count). */
export function isUndoable(event: Pick<AccessoryEvent, 'type'>): boolean {
  return event.type === 'accessory_received' || event.type === 'accessory_issued';
}

/** What a count correction needs: a team lead (`shared/auth/roles.ts`). Receiving and issuing, anyone. */
export function accessoryActionOf(event: Pick<AccessoryEvent, 'type'>): 'accessories.adjust' | undefined {
  return event.type === 'accessory_adjusted' ? 'accessories.adjust' : undefined;
}

/** One stock row: an accessory's count at a location. */
export interface AccessoryStock {
  location: string;
  accessory: string;
  count: number;
}

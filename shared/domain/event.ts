import { z } from 'zod';
import {
  conditionSchema,
  deviceKeySchema,
  deviceKindSchema,
  deviceSchema,
  deviceStatusSchema,
  isoTimestampSchema,
} from './device';
import { deviceKeyFor } from './device-key';
import { checkEventLimits, eventLimits as max, safeText } from './limits';

export const eventTypes = [
  'received',
  'prepared',
  'handed_out',
  'returned',
  'sent_to_repair',
  'repaired',
  'disposed',
  'reported_lost',
  'found',
  'moved',
  'note',
  'corrected',
] as const;
export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;

const imei = z.string().regex(/^\d{15}$/);

/** `data` per event type: at least the fields of SYNC.md's table; more may be added, never fewer. */
export const eventDataSchemas = {
  received: z.object({
    kind: deviceKindSchema,
    imei: imei.optional(),
    imei2: imei.optional(),
    serial: safeText(max.idMax).min(1).optional(),
    model: safeText(max.nameMax).min(1).optional(),
    assetTag: safeText(max.idMax).min(1).optional(),
    alternatives: z.array(safeText(max.idMax)).max(max.alternativesMax).optional(),
  }),
  prepared: z.object({ wiped: z.boolean(), enrolled: z.boolean() }),
  handed_out: z.object({ employeeId: safeText(max.idMax).min(1), department: safeText(max.idMax).min(1) }),
  returned: z.object({ condition: conditionSchema, reason: safeText(max.reasonMax).optional() }),
  sent_to_repair: z.object({ vendor: safeText(max.nameMax).min(1), ticket: safeText(max.nameMax).optional() }),
  repaired: z.object({ outcome: z.enum(['fixed', 'unrepairable']) }),
  disposed: z.object({
    method: z.enum(['recycled', 'destroyed', 'resold']),
    /** Wipe evidence or the disposal certificate's number: disposal without it is refused. */
    certificate: safeText(max.nameMax).trim().min(1),
  }),
  reported_lost: z.object({ reason: safeText(max.reasonMax).optional() }),
  found: z.object({}),
  moved: z.object({ to: safeText(max.idMax).min(1) }),
  note: z.object({ text: safeText(max.noteMax).min(1) }),
  /**
   * A correction, never a deletion. Either it undoes this device's latest event (`undoes` +
   * `restore`, the device as it was before it; `null` when the undone event registered it), or it
   * resolves a conflict the server reported (`resolves`), optionally setting the status a person
   * found the device in.
   */
  corrected: z.object({
    reason: z.string().min(1),
    undoes: z.string().optional(),
    restore: deviceSchema.nullable().optional(),
    resolves: z.string().optional(),
    set: z
      // Not 'assigned': a handout needs an employee, so it is recorded as a handout.
      .object({ status: deviceStatusSchema.exclude(['assigned']), location: z.string().optional() })
      .optional(),
  }),
} as const satisfies Record<EventType, z.ZodType>;

export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

const envelope = {
  /** UUIDv7, made by the desk: time-ordered, unique without coordination. */
  id: z.uuid(),
  deviceKey: deviceKeySchema,
  /** The desk's clock; informative only. Server order decides device state. */
  at: isoTimestampSchema,
  deskId: safeText(max.idMax).min(1),
  operator: safeText(max.idMax).min(1),
  /** The location the desk stands at when the event was recorded. */
  location: safeText(max.idMax).min(1).optional(),
};

function variant<T extends EventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), data: eventDataSchemas[type] });
}

export const deviceEventSchema = z
  .discriminatedUnion('type', [
    variant('received'),
    variant('prepared'),
    variant('handed_out'),
    variant('returned'),
    variant('sent_to_repair'),
    variant('repaired'),
    variant('disposed'),
    variant('reported_lost'),
    variant('found'),
    variant('moved'),
    variant('note'),
    variant('corrected'),
  ])
  // Every string safe and the whole event within its byte limit (`limits.ts`), whatever its type.
  .superRefine(checkEventLimits)
  .superRefine((event, ctx) => {
    if (event.type === 'received') {
      const key = deviceKeyFor(event.data);
      if (key === null) ctx.addIssue({ code: 'custom', path: ['data'], message: 'received needs an imei or a serial' });
      else if (key !== event.deviceKey)
        ctx.addIssue({ code: 'custom', path: ['deviceKey'], message: `deviceKey must be ${key}` });
    }
    if (event.type === 'corrected' && !event.data.undoes && !event.data.resolves)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'corrected needs undoes or resolves' });
    if (event.type === 'corrected' && event.data.undoes && event.data.restore === undefined)
      ctx.addIssue({ code: 'custom', path: ['data', 'restore'], message: 'an undo carries the state it restores' });
  });

export type DeviceEvent = z.infer<typeof deviceEventSchema>;
export type DeviceEventOf<T extends EventType> = Extract<DeviceEvent, { type: T }>;

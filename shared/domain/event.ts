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
    serial: z.string().min(1).max(64).optional(),
    model: z.string().min(1).optional(),
    assetTag: z.string().min(1).optional(),
    alternatives: z.array(z.string()).optional(),
  }),
  prepared: z.object({ wiped: z.boolean(), enrolled: z.boolean() }),
  handed_out: z.object({ employeeId: z.string().min(1), department: z.string().min(1) }),
  returned: z.object({ condition: conditionSchema, reason: z.string().optional() }),
  sent_to_repair: z.object({ vendor: z.string().min(1), ticket: z.string().optional() }),
  repaired: z.object({ outcome: z.enum(['fixed', 'unrepairable']) }),
  disposed: z.object({
    method: z.enum(['recycled', 'destroyed', 'resold']),
    /** Wipe evidence or the disposal certificate's number: disposal without it is refused. */
    certificate: z.string().trim().min(1),
  }),
  reported_lost: z.object({ reason: z.string().optional() }),
  found: z.object({}),
  moved: z.object({ to: z.string().min(1) }),
  note: z.object({ text: z.string().min(1).max(2000) }),
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
  deskId: z.string().min(1).max(64),
  operator: z.string().min(1).max(64),
  /** The location the desk stands at when the event was recorded. */
  location: z.string().min(1).optional(),
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

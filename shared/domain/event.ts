import { z } from 'zod';
import {
  conditionSchema,
  deviceKeySchema,
  deviceKindSchema,
  deviceStatusSchema,
  disposalMethodSchema,
  erasureMethodSchema,
  isoDateSchema,
  isoTimestampSchema,
  repairOutcomeSchema,
  weeeCategorySchema,
} from './device';
import { deviceKeyFor } from './device-key';

export const eventTypes = [
  'received',
  'imported',
  'prepared',
  'handed_out',
  'returned',
  'sent_to_repair',
  'repaired',
  'disposed',
  'reported_lost',
  'found',
  'moved',
  'transfer_sent',
  'transfer_received',
  'transfer_missing',
  'counted',
  'note',
  'voided',
  'corrected',
] as const;
export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;

const imei = z.string().regex(/^\d{15}$/);

/** The identifiers and description a device enters the register with (receive or import). */
const identity = {
  kind: deviceKindSchema,
  imei: imei.optional(),
  imei2: imei.optional(),
  serial: z.string().min(1).max(64).optional(),
  model: z.string().min(1).optional(),
  assetTag: z.string().min(1).optional(),
  alternatives: z.array(z.string()).optional(),
  purchaseDate: isoDateSchema.optional(),
  /** In øre. */
  purchasePrice: z.number().int().nonnegative().optional(),
};

const holderData = z.object({ employeeId: z.string().min(1), department: z.string().min(1) });

/** Erasure evidence of one device (NIST SP 800-88): how, with what, and who checked it. */
export const erasureSchema = z.object({
  method: erasureMethodSchema,
  tool: z.string().min(1),
  toolVersion: z.string().optional(),
  verified: z.boolean(),
  verifiedBy: z.string().optional(),
  /** When the erasure was done (a day). */
  date: isoDateSchema.optional(),
});
export type Erasure = z.infer<typeof erasureSchema>;

/**
 * What a correction may set on a device: every field a scan or a person set. Not the identifier
 * the device's key comes from (a wrong IMEI is a different device: void it and receive the right
 * one), not `assigned` (a handout needs an employee: it is recorded as a handout) and not
 * `in_transit` (a transfer sends it). Which statuses are allowed from which is the lifecycle's
 * (`shared/lifecycle/corrections.ts`).
 */
export const correctionSetSchema = z
  .object({
    status: deviceStatusSchema.exclude(['assigned', 'in_transit']),
    location: z.string().min(1),
    model: z.string().min(1),
    kind: deviceKindSchema,
    imei2: imei,
    serial: z.string().min(1).max(64),
    assetTag: z.string().min(1),
    holder: holderData,
    condition: conditionSchema,
  })
  .partial()
  .refine((set) => Object.keys(set).length > 0, 'a correction sets at least one field');
export type CorrectionSet = z.infer<typeof correctionSetSchema>;

/** `data` per event type: at least the fields of SYNC.md's table; more may be added, never fewer. */
export const eventDataSchemas = {
  received: z.object(identity),
  /**
   * A device that existed before Kvikdesk, brought in from the municipality's register or Intune:
   * it enters in the status it really has (the holder's when handed out).
   */
  imported: z.object({
    ...identity,
    status: deviceStatusSchema.exclude(['in_transit']),
    location: z.string().min(1).optional(),
    holder: holderData.optional(),
    condition: conditionSchema.optional(),
    /** Where the row came from (file name and line), for the device's history. */
    source: z.string().max(200).optional(),
  }),
  prepared: z.object({ wiped: z.boolean(), enrolled: z.boolean() }),
  handed_out: holderData,
  returned: z.object({ condition: conditionSchema, reason: z.string().optional() }),
  sent_to_repair: z.object({ vendor: z.string().min(1), ticket: z.string().optional() }),
  repaired: z.object({ outcome: repairOutcomeSchema }),
  disposed: z.object({
    method: disposalMethodSchema,
    /** Wipe evidence or the disposal certificate's number: disposal without it is refused. */
    certificate: z.string().trim().min(1),
    batchId: z.string().min(1).optional(),
    recycler: z.string().min(1).optional(),
    weeeCategory: weeeCategorySchema.optional(),
    erasure: erasureSchema.optional(),
  }),
  reported_lost: z.object({ reason: z.string().optional() }),
  found: z.object({}),
  moved: z.object({ to: z.string().min(1) }),
  /** Packed and sent from `from` to `to`: the device is in transit until received. */
  transfer_sent: z.object({ transferId: z.string().min(1), from: z.string().min(1), to: z.string().min(1) }),
  /** Taken out of its transfer where the desk stands: back in the stock status it left. */
  transfer_received: z.object({ transferId: z.string().min(1) }),
  /** Not in the parcel when its transfer was closed: it stays in transit until found or written off. */
  transfer_missing: z.object({ transferId: z.string().min(1) }),
  /** Seen on its shelf by a stocktake. */
  counted: z.object({ countId: z.string().min(1) }),
  note: z.object({ text: z.string().min(1).max(2000) }),
  /**
   * A registration made in error (a phantom device, a fragment of a label): the device leaves the
   * register; its events stay and this one says why.
   */
  voided: z.object({ reason: z.string().min(1) }),
  /**
   * A correction, never a deletion. `undoes`: the device goes back to the state before that event
   * (the same desk's latest on the device; the state comes from the log, never from the desk).
   * `set`: fields a person corrects, with `corrects` naming the older event that set them wrong.
   * `resolves`: the conflict or refused event of this desk the correction settles.
   */
  corrected: z.object({
    reason: z.string().min(1),
    undoes: z.string().optional(),
    corrects: z.string().optional(),
    resolves: z.string().optional(),
    set: correctionSetSchema.optional(),
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
    variant('imported'),
    variant('prepared'),
    variant('handed_out'),
    variant('returned'),
    variant('sent_to_repair'),
    variant('repaired'),
    variant('disposed'),
    variant('reported_lost'),
    variant('found'),
    variant('moved'),
    variant('transfer_sent'),
    variant('transfer_received'),
    variant('transfer_missing'),
    variant('counted'),
    variant('note'),
    variant('voided'),
    variant('corrected'),
  ])
  .superRefine((event, ctx) => {
    if (event.type === 'received' || event.type === 'imported') {
      const key = deviceKeyFor(event.data);
      if (key === null) ctx.addIssue({ code: 'custom', path: ['data'], message: `${event.type} needs an imei or a serial` });
      else if (key !== event.deviceKey)
        ctx.addIssue({ code: 'custom', path: ['deviceKey'], message: `deviceKey must be ${key}` });
    }
    if (event.type === 'imported' && (event.data.status === 'assigned') !== (event.data.holder !== undefined))
      ctx.addIssue({ code: 'custom', path: ['data', 'holder'], message: 'a holder is given exactly when the status is assigned' });
    if (event.type === 'corrected') {
      const { undoes, set, resolves } = event.data;
      if (!undoes && !set && !resolves)
        ctx.addIssue({ code: 'custom', path: ['data'], message: 'corrected needs undoes, set or resolves' });
      if (undoes && set)
        ctx.addIssue({ code: 'custom', path: ['data', 'set'], message: 'an undo restores the state before; it sets nothing itself' });
    }
  });

export type DeviceEvent = z.infer<typeof deviceEventSchema>;
export type DeviceEventOf<T extends EventType> = Extract<DeviceEvent, { type: T }>;

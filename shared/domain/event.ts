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
import { checkEventLimits, eventLimits as max, safeText } from './limits';

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
  'receipt',
  'sim_paired',
  'tagged',
  'voided',
  'corrected',
] as const;
export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;

const imei = z.string().regex(/^\d{15}$/);
/** A SIM card's number: 19 or 20 digits from 89 (`parseScan` checks its Luhn digit). */
const iccidSchema = z.string().regex(/^89\d{17,18}$/);

/** The identifiers and description a device enters the register with (receive or import). */
const identity = {
  kind: deviceKindSchema,
  imei: imei.optional(),
  imei2: imei.optional(),
  serial: safeText(max.idMax).min(1).optional(),
  model: safeText(max.nameMax).min(1).optional(),
  assetTag: safeText(max.idMax).min(1).optional(),
  alternatives: z.array(safeText(max.idMax)).max(max.alternativesMax).optional(),
  purchaseDate: isoDateSchema.optional(),
  /** In øre. */
  purchasePrice: z.number().int().nonnegative().optional(),
};

const holderData = z.object({ employeeId: safeText(max.idMax).min(1), department: safeText(max.idMax).min(1) });

/**
 * What became of the counter's reuse advice (`shared/reuse/advice.ts`), on the handout that
 * answered it: `followed` when a used device like the advised one went out instead, `declined`
 * when the new one went out anyway. Absent on a handout that was given no advice.
 */
export const reuseOutcomeSchema = z.enum(['followed', 'declined']);
export type ReuseOutcome = z.infer<typeof reuseOutcomeSchema>;

/** The request (a ServiceNow request item, `RITM…`) a handout, return or receipt answers. */
const requestNumber = safeText(max.idMax).min(1);

/** Erasure evidence of one device (NIST SP 800-88): how, with what, and who checked it. */
export const erasureSchema = z.object({
  method: erasureMethodSchema,
  tool: safeText(max.nameMax).min(1),
  toolVersion: safeText(max.nameMax).optional(),
  verified: z.boolean(),
  verifiedBy: safeText(max.idMax).optional(),
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
    location: safeText(max.idMax).min(1),
    model: safeText(max.nameMax).min(1),
    kind: deviceKindSchema,
    imei2: imei,
    serial: safeText(max.idMax).min(1),
    assetTag: safeText(max.idMax).min(1),
    holder: holderData,
    condition: conditionSchema,
  })
  .partial()
  .refine((set) => Object.keys(set).length > 0, 'a correction sets at least one field');
export type CorrectionSet = z.infer<typeof correctionSetSchema>;

/** One device as a receipt lists it. */
export const receiptDeviceSchema = z.object({
  deviceKey: deviceKeySchema,
  model: safeText(max.nameMax).optional(),
  imei: imei.optional(),
  serial: safeText(max.idMax).optional(),
  assetTag: safeText(max.idMax).optional(),
  /** The ICCID of the SIM card paired with it. */
  sim: iccidSchema.optional(),
  /** What came back: a return receipt's condition. */
  condition: conditionSchema.optional(),
});
export type ReceiptDevice = z.infer<typeof receiptDeviceSchema>;

/** A line of accessories on a handout receipt: "2 × Oplader USB-C" (`shared/accessories/`). */
export const receiptAccessorySchema = z.object({
  accessory: safeText(max.idMax).min(1),
  name: safeText(max.nameMax).min(1),
  count: z.number().int().min(1).max(100),
});
export type ReceiptAccessory = z.infer<typeof receiptAccessorySchema>;

export const receiptDataSchema = z.object({
  /** One receipt, many devices: the same id on each device's event. */
  receiptId: safeText(max.idMax).min(1),
  /** What it is the receipt of. */
  of: z.enum(['handed_out', 'returned']),
  employee: z.object({ id: safeText(max.idMax).min(1), name: safeText(max.nameMax).min(1), department: safeText(max.idMax).min(1) }),
  devices: z.array(receiptDeviceSchema).min(1).max(max.receiptDevicesMax),
  /** Accessories given out with the devices, counted by kind. */
  accessories: z.array(receiptAccessorySchema).max(20).optional(),
  language: z.enum(['da', 'en']),
  terms: safeText(max.termsMax),
  /** The request (ServiceNow `RITM…`) the handout or return answers. */
  requestNumber: requestNumber.optional(),
  /** A PNG data URL; absent when the employee did not sign (a return dropped at the desk). */
  signature: z
    .string()
    .max(max.signatureMax)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'a signature is a PNG data URL')
    .optional(),
});
export type ReceiptData = z.infer<typeof receiptDataSchema>;

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
    location: safeText(max.idMax).min(1).optional(),
    holder: holderData.optional(),
    condition: conditionSchema.optional(),
    /** Where the row came from (file name and line), for the device's history. */
    source: safeText(max.nameMax).optional(),
  }),
  prepared: z.object({ wiped: z.boolean(), enrolled: z.boolean() }),
  handed_out: holderData.extend({ reuseOutcome: reuseOutcomeSchema.optional(), requestNumber: requestNumber.optional() }),
  returned: z.object({ condition: conditionSchema, reason: safeText(max.reasonMax).optional(), requestNumber: requestNumber.optional() }),
  sent_to_repair: z.object({ vendor: safeText(max.nameMax).min(1), ticket: safeText(max.nameMax).optional() }),
  repaired: z.object({ outcome: repairOutcomeSchema }),
  disposed: z.object({
    method: disposalMethodSchema,
    /** Wipe evidence or the disposal certificate's number: disposal without it is refused. */
    certificate: safeText(max.nameMax).trim().min(1),
    batchId: safeText(max.idMax).min(1).optional(),
    recycler: safeText(max.nameMax).min(1).optional(),
    weeeCategory: weeeCategorySchema.optional(),
    erasure: erasureSchema.optional(),
  }),
  reported_lost: z.object({ reason: safeText(max.reasonMax).optional() }),
  found: z.object({}),
  moved: z.object({ to: safeText(max.idMax).min(1) }),
  /** Packed and sent from `from` to `to`: the device is in transit until received. */
  transfer_sent: z.object({ transferId: safeText(max.idMax).min(1), from: safeText(max.idMax).min(1), to: safeText(max.idMax).min(1) }),
  /** Taken out of its transfer where the desk stands: back in the stock status it left. */
  transfer_received: z.object({ transferId: safeText(max.idMax).min(1) }),
  /** Not in the parcel when its transfer was closed: it stays in transit until found or written off. */
  transfer_missing: z.object({ transferId: safeText(max.idMax).min(1) }),
  /** Seen on its shelf by a stocktake. */
  counted: z.object({ countId: safeText(max.idMax).min(1) }),
  note: z.object({ text: safeText(max.noteMax).min(1) }),
  /**
   * The receipt of a handout or a return, recorded on each device it lists so any device's history
   * can print it again: who, what (as it was then), the terms and the employee's signature as a
   * flat PNG — never the strokes' timing or pressure (biometric data under the GDPR).
   */
  receipt: receiptDataSchema,
  /**
   * A SIM card put in a handed-out phone at the counter: the ICCID scanned right after the phone.
   * The pairing lasts while the device is handed out (`clearLeftBehind`: a return undoes it).
   */
  sim_paired: z.object({ iccid: iccidSchema }),
  /**
   * An asset tag put on a device that had none: a pre-printed tag scanned right after the device
   * in receive, or the next tag of the desk's series, assigned when its label was printed.
   */
  tagged: z.object({ assetTag: safeText(max.idMax).min(1), source: z.enum(['preprinted', 'series']) }),
  /**
   * A registration made in error (a phantom device, a fragment of a label): the device leaves the
   * register; its events stay and this one says why.
   */
  voided: z.object({ reason: safeText(max.reasonMax).min(1) }),
  /**
   * A correction, never a deletion. `undoes`: the device goes back to the state before that event
   * (the same desk's latest on the device; the state comes from the log, never from the desk).
   * `set`: fields a person corrects, with `corrects` naming the older event that set them wrong.
   * `resolves`: the conflict or refused event of this desk the correction settles.
   */
  corrected: z.object({
    reason: safeText(max.reasonMax).min(1),
    undoes: safeText(max.idMax).optional(),
    corrects: safeText(max.idMax).optional(),
    resolves: safeText(max.idMax).optional(),
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
    variant('receipt'),
    variant('sim_paired'),
    variant('tagged'),
    variant('voided'),
    variant('corrected'),
  ])
  // Every string safe and the whole event within its byte limit (`limits.ts`), whatever its type.
  .superRefine(checkEventLimits)
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

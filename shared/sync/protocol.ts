import { z } from 'zod';
import { deviceKeySchema, deviceSchema } from '../domain/device';
import { deviceEventSchema, type DeviceEvent } from '../domain/event';
import { eventLimits, jsonBytes } from '../domain/limits';
import { accessorySchema } from '../accessories/catalogue';
import { departmentSchema, employeeSchema, locationSchema, modelSchema, operatorSchema } from '../domain/reference';
import { refusalCodes, type RefusalCode } from '../lifecycle/refusal';

/**
 * The desk ↔ central inventory protocol, version 1 (`shared/design/SYNC.md`): every HTTP body as a
 * zod schema, the limits both ends agree on, and the few pure helpers both ends need. The server
 * parses requests with these schemas; the desk parses responses with them. Nothing here does I/O.
 */

export const SYNC_API_VERSION = 1;

export const syncPaths = {
  health: '/v1/health',
  push: '/v1/push',
  pull: '/v1/pull',
  devices: '/v1/devices',
  reference: '/v1/reference',
  importDevices: '/v1/import/devices',
} as const;

export const syncLimits = {
  /** Events per push: a larger batch is a `400`. */
  pushMaxEvents: 500,
  /**
   * Bytes of a request body: a larger one is a `413`. A typical event is ~300 bytes, so 500 fit
   * many times over; `takePushBatch` keeps a desk under it even with long notes or corrections.
   */
  bodyMaxBytes: 4 * 1024 * 1024,
  pullMaxLimit: 1000,
  devicesMaxLimit: 5000,
  /**
   * Bytes of events in one pull page: the page stops at whichever comes first, this or `limit`
   * (always at least one event), so a run of large events never makes a page no one can carry.
   */
  pullMaxBytes: 2 * 1024 * 1024,
  /** Bytes of devices in one devices page, likewise. */
  devicesMaxBytes: 4 * 1024 * 1024,
  /**
   * Bytes of a device file sent from a team lead's desk (`POST /v1/import/devices`): the whole
   * fleet, 62,000 rows of an Intune export, is ~25 MB; anything larger is a `413`.
   */
  importMaxBytes: 32 * 1024 * 1024,
} as const;

/** A position in the server's event log: 1, 2, 3, ... with no gaps; 0 is "before everything". */
export const seqSchema = z.number().int().nonnegative();
export type Seq = z.infer<typeof seqSchema>;

export const syncHeaders = {
  authorization: (token: string) => `Bearer ${token}`,
  /** Optional: a request id the server logs and echoes, to follow one push through both logs. */
  requestId: 'x-request-id',
} as const;

// ---------------------------------------------------------------------------------------------
// Push

/**
 * What the server checks a push body against before looking at any event: a `400` when this
 * fails. Events stay `unknown` here on purpose: each is checked on its own (`checkPushedEvent`),
 * so one bad event is answered `invalid` and the rest of the batch goes on.
 */
export const pushBodySchema = z.object({
  events: z.array(z.unknown()).min(1).max(syncLimits.pushMaxEvents),
});

/** The push body as a desk builds it. */
export const pushRequestSchema = z.object({
  events: z.array(deviceEventSchema).min(1).max(syncLimits.pushMaxEvents),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * Why an event was answered `invalid` (it is not stored; the desk must fix or withdraw it):
 * it breaks the schema or a limit (`invalid_event`), is larger than an event may be
 * (`too_large`), belongs to another desk (`wrong_desk`), or reuses the id of a stored event with
 * other content or from another desk (`id_conflict`).
 */
export const invalidReasonCodes = ['invalid_event', 'too_large', 'wrong_desk', 'id_conflict'] as const;
export const invalidReasonCodeSchema = z.enum(invalidReasonCodes);
export type InvalidReasonCode = z.infer<typeof invalidReasonCodeSchema>;

/**
 * A conflict's `reasonCode` is a `RefusalCode` the desk translates. It is parsed as a plain string
 * so that a desk keeps syncing when a newer server knows a code it does not: `isRefusalCode`
 * tells the desk whether it has a translation, `reason` (English) is the fallback.
 */
export function isRefusalCode(code: string): code is RefusalCode {
  return (refusalCodes as readonly string[]).includes(code);
}

/** How the server holds an event it stored: applied to the projection, or kept and flagged. */
export const storedStatusSchema = z.enum(['accepted', 'conflict']);
export type StoredStatus = z.infer<typeof storedStatusSchema>;

const eventId = z.string();

export const acceptedResultSchema = z.object({ id: eventId, status: z.literal('accepted'), seq: seqSchema });

export const conflictResultSchema = z.object({
  id: eventId,
  status: z.literal('conflict'),
  seq: seqSchema,
  /** English, from `describeRefusal`: for logs and as the fallback text. */
  reason: z.string(),
  reasonCode: z.string(),
});

/**
 * The id was already stored (an earlier push, a retry of a push whose answer was lost, or twice
 * in one batch): same `seq` as the first time, and how it was stored then. The desk treats it
 * exactly like the first answer.
 */
export const duplicateResultSchema = z.object({
  id: eventId,
  status: z.literal('duplicate'),
  seq: seqSchema,
  stored: storedStatusSchema,
  reason: z.string().optional(),
  reasonCode: z.string().optional(),
});

export const invalidResultSchema = z.object({
  /** `null` only when the element had no string `id` at all. */
  id: eventId.nullable(),
  status: z.literal('invalid'),
  reason: z.string(),
  /** One of `invalidReasonCodes`; parsed as a string so a desk keeps syncing when a newer server adds one. */
  reasonCode: z.string(),
});

export const pushResultSchema = z.discriminatedUnion('status', [
  acceptedResultSchema,
  conflictResultSchema,
  duplicateResultSchema,
  invalidResultSchema,
]);
export type PushResult = z.infer<typeof pushResultSchema>;
export type PushResultStatus = PushResult['status'];
export type InvalidResult = z.infer<typeof invalidResultSchema>;

/** `results[i]` answers `events[i]` of the request: one per event, in order. */
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** zod issues as one line a person can read: `data.kind: Invalid option ...; at: Invalid ISO datetime`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(event)'}: ${issue.message}`)
    .join('; ');
}

export type CheckedEvent = { ok: true; event: DeviceEvent } | { ok: false; result: InvalidResult };

/** An `invalid` answer: what the server says about an element it does not store. */
export function invalidResult(id: string | null, reasonCode: InvalidReasonCode, reason: string): InvalidResult {
  return { id, status: 'invalid', reasonCode, reason };
}

/**
 * One pushed element as the server judges it before it touches the log: within the size limit,
 * a valid event (every string within its limit, well-formed and NUL-free), and one of the desk's
 * own (SYNC.md's 403, answered per event). The event returned is the parsed one — fields the
 * schema does not name are gone — and is what the server stores, never the element as sent.
 */
export function checkPushedEvent(raw: unknown, deskId: string): CheckedEvent {
  const rawId = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' && raw.id.length <= 64 ? raw.id : null;
  const bytes = jsonBytes(raw);
  if (bytes > eventLimits.eventMaxBytes)
    return { ok: false, result: invalidResult(rawId, 'too_large', `the event is ${bytes} bytes; at most ${eventLimits.eventMaxBytes} are allowed`) };
  const parsed = deviceEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, result: invalidResult(rawId, 'invalid_event', describeIssues(parsed.error)) };
  if (parsed.data.deskId !== deskId)
    return {
      ok: false,
      result: invalidResult(parsed.data.id, 'wrong_desk', `the event belongs to desk ${parsed.data.deskId}, the token to desk ${deskId}`),
    };
  return { ok: true, event: parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Pull

const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** `GET /v1/pull?after=<seq>&limit=<n>`; both optional. */
export const pullQuerySchema = z.object({
  after: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: queryInt(1, syncLimits.pullMaxLimit).default(syncLimits.pullMaxLimit),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const pulledEventSchema = z.object({
  seq: seqSchema,
  status: storedStatusSchema,
  reason: z.string().optional(),
  reasonCode: z.string().optional(),
  /**
   * For an accepted correction: the device it left (`null`: withdrawn). Corrections are decided
   * from the server's log, so a desk takes this instead of deciding again without that history.
   */
  device: deviceSchema.nullable().optional(),
  event: deviceEventSchema,
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

/**
 * Events after the cursor in `seq` order, with no gaps: the server makes a `seq` visible only
 * once every smaller one is. `last` is the next cursor (the last event's `seq`, or `after` when
 * there are none); `more` says another page is already waiting.
 */
export const pullResponseSchema = z.object({
  events: z.array(pulledEventSchema),
  last: seqSchema,
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * A pull page as it travels: the page must be right (the desk answers a broken one with a
 * `protocol` error), each event in it is read on its own (`readPullPage`). The server sends each
 * event as it stored it, and a desk may meet one it cannot read: a type from a newer version.
 */
export const pullPageSchema = pullResponseSchema.extend({ events: z.array(pulledEventSchema.extend({ event: z.unknown() })) });
export type PullPage = z.infer<typeof pullPageSchema>;

/** A pulled event this desk could not read: kept aside, never in the way of the ones after it. */
export type UnreadableEvent = Omit<PulledEvent, 'event'> & { event: unknown; problem: string };

export interface ReadPage extends Omit<PullResponse, 'events'> {
  events: PulledEvent[];
  unreadable: UnreadableEvent[];
}

/** A pull page read event by event: the ones this desk can read, and the ones it keeps aside. */
export function readPullPage(page: PullPage): ReadPage {
  const events: PulledEvent[] = [];
  const unreadable: UnreadableEvent[] = [];
  for (const pulled of page.events) {
    const parsed = deviceEventSchema.safeParse(pulled.event);
    if (parsed.success) events.push({ ...pulled, event: parsed.data });
    else unreadable.push({ ...pulled, problem: describeIssues(parsed.error) });
  }
  return { events, unreadable, last: page.last, more: page.more };
}

// ---------------------------------------------------------------------------------------------
// Devices snapshot (bootstrap)

/** `GET /v1/devices?after=<key>&limit=<n>`; both optional. */
export const devicesQuerySchema = z.object({
  after: deviceKeySchema.optional(),
  limit: queryInt(1, syncLimits.devicesMaxLimit).default(1000),
});
export type DevicesQuery = z.infer<typeof devicesQuerySchema>;

/** A device of the central projection and the `seq` of the last event applied to it. */
export const snapshotDeviceSchema = z.object({ seq: seqSchema, device: deviceSchema });
export type SnapshotDevice = z.infer<typeof snapshotDeviceSchema>;

/**
 * One page of the central projection in key order (byte order of the key), as of `asOf`.
 *
 * Bootstrapping a desk: fetch pages until `next` is `null`, keep the smallest `asOf` of all pages,
 * then pull from it. Pages are taken at different moments, so a pulled event may already be in a
 * device's snapshot: skip it when its `seq` is not greater than that device's `seq`. Events of a
 * device missing from the snapshot (created after its page was read) all arrive by pull.
 */
export const devicesResponseSchema = z.object({
  devices: z.array(snapshotDeviceSchema),
  asOf: seqSchema,
  next: deviceKeySchema.nullable(),
  /** How many devices the whole snapshot holds, on the first page (no `after`): a desk's progress bar. */
  total: z.number().int().nonnegative().optional(),
});
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Health and reference data

/** `head` is the newest `seq`: a desk whose cursor is beyond it talks to a different log. */
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  apiVersion: z.number().int(),
  head: seqSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/**
 * Reference data for the desk, owned by the central inventory. `revision` grows with every change;
 * `GET /v1/reference?since=<revision>` answers only the rows changed after it (`full: false`),
 * without `since` everything (`full: true`: the desk replaces its copy). Rows are never deleted.
 */
export const referenceResponseSchema = z.object({
  revision: z.number().int().nonnegative(),
  full: z.boolean().default(true),
  departments: z.array(departmentSchema),
  employees: z.array(employeeSchema),
  locations: z.array(locationSchema),
  models: z.array(modelSchema),
  operators: z.array(operatorSchema).default([]),
  /** The accessory catalogue (`shared/accessories/`); absent from a server older than it. */
  accessories: z.array(accessorySchema).default([]),
});
export type ReferenceResponse = z.infer<typeof referenceResponseSchema>;

export const referenceQuerySchema = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

/**
 * `PUT /v1/reference/<table>`: a team lead's edit from a desk, rows added or updated by id. The
 * server checks the operator's role (`reference.edit`, and `prices.edit` for models), checks every
 * row with the table's schema, and answers the new revision; `403` `not_permitted` otherwise.
 */
export const referenceEditBodySchema = z.object({
  operator: z.string().min(1).max(64),
  rows: z.array(z.unknown()).min(1).max(5000),
});
export type ReferenceEditBody = z.infer<typeof referenceEditBodySchema>;
/**
 * The answer: the revision after the edit, how many rows were written, and every row refused
 * (its place in `rows`, from 1, its id if it had one, and one reason). Good rows are kept.
 */
export const referenceEditResponseSchema = z.object({
  revision: z.number().int().nonnegative(),
  written: z.number().int().nonnegative().default(0),
  refused: z
    .array(z.object({ row: z.number().int().positive(), id: z.string().max(200).optional(), reason: z.string().max(1000) }))
    .default([]),
});
export type ReferenceEditResponse = z.infer<typeof referenceEditResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Device import from a team lead's desk

/**
 * `POST /v1/import/devices`: the fleet file (the municipality's export or Intune's) as text, read
 * and planned by the server exactly as `import devices` on its command line (`shared/import`).
 * `dryRun` writes nothing; otherwise nothing is written while a row is refused, unless
 * `skipInvalid`. The operator's role must allow `devices.import`.
 */
export const deviceImportBodySchema = z.object({
  operator: z.string().min(1).max(64),
  /** The file's name, kept in every event as where the device came from. */
  fileName: z.string().min(1).max(255),
  csv: z.string().min(1),
  dryRun: z.boolean(),
  skipInvalid: z.boolean().default(false),
});
export type DeviceImportBody = z.infer<typeof deviceImportBodySchema>;

const importOutcomes = ['create', 'change', 'unchanged', 'refused'] as const;

/** One line's outcome: what it creates (in which status), changes (which fields), or why it is refused. */
export const importLineSchema = z.object({
  line: z.number().int().positive(),
  outcome: z.enum(importOutcomes),
  key: z.string().max(200).optional(),
  status: z.string().max(32).optional(),
  fields: z.array(z.string().max(64)).max(32).optional(),
  /** A refusal's stable code (`shared/import/refusal.ts`; a desk translates it), what the file wrote, and the English detail. */
  code: z.string().max(64).optional(),
  value: z.string().max(200).optional(),
  reason: z.string().max(1000).optional(),
});
export type ImportLine = z.infer<typeof importLineSchema>;

export const deviceImportResponseSchema = z.object({
  /** A problem with the whole file (no header, no IMEI or serial column): nothing was read. */
  problem: z.string().max(1000).optional(),
  counts: z.record(z.enum(importOutcomes), z.number().int().nonnegative()),
  /** Columns of the file the import does not read. */
  ignored: z.array(z.string().max(200)).default([]),
  lines: z.array(importLineSchema),
  written: z.boolean(),
});
export type DeviceImportResponse = z.infer<typeof deviceImportResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Errors

export const errorCodes = [
  'bad_request',
  'unauthorized',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'not_permitted',
  'unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every non-2xx answer. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/**
 * What a desk should do with a non-2xx status: `retry` later with backoff (nothing was applied),
 * `auth` (the token is missing, wrong or revoked: ask a person), or `rejected` (the request itself
 * is wrong; retrying the same request cannot help).
 */
export function classifyStatus(status: number): 'retry' | 'auth' | 'rejected' {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

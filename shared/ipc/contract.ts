import { z } from 'zod';
import { scanEventSchema } from '../scan/scan-event';

/**
 * Every IPC channel between the renderer (through the preload) and the main process, with the
 * schemas of what goes each way. The main process registers handlers from this list and checks
 * every request against it; the preload builds its typed calls from it. Nothing else crosses.
 */

export const scannerStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  transport: z.literal('hid'),
  state: z.enum(['open', 'error', 'disconnected']),
  /** A translatable code for the state (`permission_denied`, `open_failed`, ...) and its detail. */
  problem: z.string().optional(),
  detail: z.string().optional(),
});
export type ScannerStatus = z.infer<typeof scannerStatusSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const secretNameSchema = z.enum(['deskToken']);
export type SecretName = z.infer<typeof secretNameSchema>;

export const invokeChannels = {
  'app:info': { request: z.void(), response: appInfoSchema },
  'scanners:list': { request: z.void(), response: z.array(scannerStatusSchema) },
  'print:page': { request: z.object({ silent: z.boolean().default(false) }), response: z.object({ printed: z.boolean() }) },
  'print:pdf': {
    request: z.object({ fileName: z.string().min(1).max(200) }),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'secrets:get': { request: secretNameSchema, response: z.string().nullable() },
  'secrets:set': {
    request: z.object({ name: secretNameSchema, value: z.string().max(4096) }),
    response: z.object({ encrypted: z.boolean() }),
  },
  /** The configured sync server, so the page's policy lets it connect there (and only there). */
  'sync:server': { request: z.object({ url: z.string().max(2048) }), response: z.object({ reload: z.boolean() }) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;

/** What every handler answers: errors travel as values, never as exceptions across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages the main process sends to the renderer unasked. */
export const eventChannels = {
  'scanners:scan': scanEventSchema,
  'scanners:changed': z.array(scannerStatusSchema),
} as const satisfies Record<string, z.ZodType>;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

import type { z } from 'zod';
import type { DeviceEvent } from '../../shared/domain/event';
import type { EditableTable } from '../../shared/domain/reference';
import {
  classifyStatus,
  describeIssues,
  devicesResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  pullPageSchema,
  pushResponseSchema,
  deviceImportResponseSchema,
  referenceEditResponseSchema,
  referenceResponseSchema,
  syncHeaders,
  syncPaths,
  type DevicesResponse,
  type HealthResponse,
  type PullPage,
  type PushResult,
  type DeviceImportBody,
  type DeviceImportResponse,
  type ReferenceEditResponse,
  type ReferenceResponse,
} from '../../shared/sync/protocol';
import { SyncError } from './sync-error';
import { accessoryPaths, accessoryPullPageSchema, accessoryPushResponseSchema } from '../../shared/accessories/protocol';
import type { AccessoryClient } from '../accessories/sync';
import { isSecureServerUrl } from './sync-config';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface SyncClientOptions {
  /** `https://inventory.example:8787`, no trailing slash needed; `http://` only for this machine. */
  serverUrl: string;
  token: string;
  fetch?: FetchLike;
  /** A request with no answer by then counts as a network failure (and is retried). */
  timeoutMs?: number;
}

/** The central inventory's API version 1 as the desk calls it: every answer parsed with the protocol. */
export interface SyncClient extends AccessoryClient {
  readonly serverUrl: string;
  health(): Promise<HealthResponse>;
  /** `results[i]` answers `events[i]`; checked here, so callers can rely on it. */
  push(events: readonly DeviceEvent[]): Promise<PushResult[]>;
  /** One page; each event in it still to be read on its own (`readPullPage`). */
  pull(after: number, limit: number): Promise<PullPage>;
  devices(after: string | null, limit: number): Promise<DevicesResponse>;
  /** Reference data changed after revision `since` (everything for 0). */
  reference(since: number): Promise<ReferenceResponse>;
  /** A team lead's edit of a reference table (`operator` is who asks; the server checks the role). */
  editReference(table: EditableTable, operator: string, rows: readonly unknown[]): Promise<ReferenceEditResponse>;
  /** A team lead's device file, planned (dry run) or imported by the server; the whole fleet may take a minute or more. */
  importDevices(body: DeviceImportBody): Promise<DeviceImportResponse>;
}

/** The server plans and writes the whole fleet (62,000 rows) in well under a minute; this leaves room. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

export function normalizeServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const serverUrl = normalizeServerUrl(options.serverUrl);
  const secure = isSecureServerUrl(serverUrl);
  const doFetch: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<S extends z.ZodType>(path: string, schema: S, init: RequestInit & { auth?: boolean; timeoutMs?: number } = {}): Promise<z.infer<S>> {
    // The token must not cross the network in clear: refused before anything is sent.
    if (!secure) throw new SyncError('config', `${serverUrl} is not https:// (plain http:// is only for this machine); the token is not sent there`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.auth !== false) headers.authorization = syncHeaders.authorization(options.token);
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const waitMs = init.timeoutMs ?? timeoutMs;
    const timer = setTimeout(() => controller.abort(), waitMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${serverUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body, signal: controller.signal });
      text = await response.text();
    } catch (error) {
      const message = controller.signal.aborted ? `no answer from ${serverUrl} in ${waitMs} ms` : `cannot reach ${serverUrl}: ${error instanceof Error ? error.message : String(error)}`;
      throw new SyncError('network', message, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw statusError(response, text);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SyncError('protocol', `${path} answered ${response.status} with a body that is not JSON`, { status: response.status });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncError('protocol', `${path}: unexpected answer: ${describeIssues(parsed.error)}`, { status: response.status });
    return parsed.data;
  }

  return {
    serverUrl,
    health: () => request(syncPaths.health, healthResponseSchema, { auth: false }),
    async push(events) {
      const { results } = await request(syncPaths.push, pushResponseSchema, { method: 'POST', body: JSON.stringify({ events }) });
      if (results.length !== events.length || results.some((result, i) => result.id?.toLowerCase() !== events[i]?.id.toLowerCase()))
        throw new SyncError('protocol', `push: ${results.length} answers for ${events.length} events, or not in their order`);
      return results;
    },
    pull: (after, limit) => request(`${syncPaths.pull}?after=${after}&limit=${limit}`, pullPageSchema),
    devices: (after, limit) =>
      request(`${syncPaths.devices}?limit=${limit}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, devicesResponseSchema),
    reference: (since) => request(`${syncPaths.reference}?since=${since}`, referenceResponseSchema),
    editReference: (table, operator, rows) =>
      request(`${syncPaths.reference}/${table}`, referenceEditResponseSchema, { method: 'PUT', body: JSON.stringify({ operator, rows }) }),
    importDevices: (body) =>
      request(syncPaths.importDevices, deviceImportResponseSchema, { method: 'POST', body: JSON.stringify(body), timeoutMs: IMPORT_TIMEOUT_MS }),
    async pushAccessories(events) {
      const { results } = await request(accessoryPaths.push, accessoryPushResponseSchema, { method: 'POST', body: JSON.stringify({ events }) });
      if (results.length !== events.length || results.some((result, i) => result.id?.toLowerCase() !== events[i]?.id.toLowerCase()))
        throw new SyncError('protocol', `accessory push: ${results.length} answers for ${events.length} events, or not in their order`);
      return results;
    },
    pullAccessories: (after, limit) => request(`${accessoryPaths.pull}?after=${after}&limit=${limit}`, accessoryPullPageSchema),
  };
}

function statusError(response: Response, text: string): SyncError {
  let message = `${response.status} ${response.statusText}`.trim();
  let code: string | undefined;
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) {
      message = `${response.status} ${parsed.data.error.code}: ${parsed.data.error.message}`;
      code = parsed.data.error.code;
    }
  } catch {
    // Not the server's JSON error (a proxy's page): the status line says enough.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new SyncError(classifyStatus(response.status), message, {
    status: response.status,
    code,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0,
  });
}

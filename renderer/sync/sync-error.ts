import Dexie from 'dexie';

/**
 * Why a sync did not finish:
 * - `network`: no answer at all (offline, refused, cut off, timed out) — retry with backoff;
 * - `retry`: a temporary refusal (503 while the database is away, 5xx, 429) — retry with backoff;
 * - `auth`: the token is missing, unknown or revoked (401/403) — stop and ask a person;
 * - `config`: the settings cannot be used as they are (a plain `http://` address of another
 *   machine would send the token in clear) — stop and ask a person;
 * - `rejected`: the server refused the request itself (4xx) — retrying the same cannot help soon;
 * - `protocol`: a 200 whose body is not what API version 1 promises (a proxy's page, another
 *   service at that URL, a server whose log is behind this desk's cursor);
 * - `storage_full`: this machine has no room left for the desk's store (the browser's quota or
 *   the disk) — nothing is lost, a person must free space;
 * - `storage`: the desk's own store failed to read or write (not the server, not the network);
 * - `unexpected`: anything else — a fault in the desk itself; retried, and shown as such.
 */
export type SyncErrorKind = 'network' | 'retry' | 'auth' | 'config' | 'rejected' | 'protocol' | 'storage_full' | 'storage' | 'unexpected';

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;
  /** The server's `Retry-After`, in milliseconds: the earliest a retry makes sense. */
  readonly retryAfterMs: number;
  /** The server's error code (`not_permitted`, …) when it answered with one. */
  readonly code: string | undefined;

  constructor(kind: SyncErrorKind, message: string, options: { status?: number; code?: string; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs ?? 0;
    this.code = options.code;
  }
}

/** Kinds that stop the sync until a person changes the settings: retrying cannot help. */
export function stopsSync(kind: SyncErrorKind): boolean {
  return kind === 'auth' || kind === 'config';
}

/** Whether the engine should try again later by itself (as opposed to waiting for a person). */
export function isTransient(error: SyncError): boolean {
  return !stopsSync(error.kind);
}

/** The names IndexedDB (and Dexie over it) give a full store. */
const quotaNames = new Set(['QuotaExceededError']);

/** An IndexedDB or Dexie failure, and whether it says the store is full. */
export function storageFailure(error: unknown): 'full' | 'other' | null {
  const names: string[] = [];
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    if ('name' in e && typeof e.name === 'string') names.push(e.name);
    e = 'inner' in e ? e.inner : undefined;
  }
  if (names.some((name) => quotaNames.has(name))) return 'full';
  const isDomException = typeof DOMException !== 'undefined' && error instanceof DOMException;
  if (error instanceof Dexie.DexieError || isDomException) return 'other';
  return null;
}

/** Any failure during a sync as a `SyncError`, keeping the desk's own storage apart from the server. */
export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const storage = storageFailure(error);
  if (storage === 'full') return new SyncError('storage_full', message, { cause: error });
  if (storage === 'other') return new SyncError('storage', message, { cause: error });
  return new SyncError('unexpected', message, { cause: error });
}

/**
 * Why a request to the central inventory did not give an answer the desk can use:
 * - `network`: no answer at all (offline, refused, cut off, timed out) — retry with backoff;
 * - `retry`: a temporary refusal (503 while the database is away, 5xx, 429) — retry with backoff;
 * - `auth`: the token is missing, unknown or revoked (401/403) — stop and ask a person;
 * - `rejected`: the server refused the request itself (4xx) — retrying the same cannot help soon;
 * - `protocol`: a 200 whose body is not what API version 1 promises (a proxy's page, another
 *   service at that URL, a server whose log is behind this desk's cursor).
 */
export type SyncErrorKind = 'network' | 'retry' | 'auth' | 'rejected' | 'protocol';

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | undefined;
  /** The server's `Retry-After`, in milliseconds: the earliest a retry makes sense. */
  readonly retryAfterMs: number;

  constructor(kind: SyncErrorKind, message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs ?? 0;
  }
}

/** Whether the engine should try again later by itself (as opposed to waiting for a person). */
export function isTransient(error: SyncError): boolean {
  return error.kind === 'network' || error.kind === 'retry' || error.kind === 'rejected' || error.kind === 'protocol';
}

export function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  return new SyncError('network', error instanceof Error ? error.message : String(error), { cause: error });
}

import { SyncError } from './sync-error';

/**
 * How many items the desk asks for per page. A page that fails with a server error (500, 502,
 * 504: a page the server or a proxy in front of it could not carry) is asked for again at half
 * the size, down to one; every page that arrives lets the size grow back towards the most. A
 * `503` is the database away, not the page: it is waited out with backoff like any other failure.
 */
export interface PageSize {
  readonly current: number;
  /** After a failed page: whether to ask again right away, at the smaller size it now has. */
  shrinkAfter(error: unknown): boolean;
  /** After a page arrived. */
  grow(): void;
}

export function adaptivePageSize(most: number): PageSize {
  let current = most;
  return {
    get current() {
      return current;
    },
    shrinkAfter(error) {
      const status = error instanceof SyncError ? error.status : undefined;
      if (status === undefined || status < 500 || status === 503 || current <= 1) return false;
      current = Math.max(1, Math.floor(current / 2));
      return true;
    },
    grow() {
      current = Math.min(most, current * 2);
    },
  };
}

import { createContext, useContext } from 'react';
import type { SyncClient } from './client';
import type { SyncConfig } from './sync-config';
import type { SyncStatus } from './scheduler';

/** What the screens see of the sync: its status, its settings, and a button's worth of control. */
export interface SyncController {
  status: SyncStatus;
  /** Events recorded here and not yet answered by the server (the outbox). */
  pending: number;
  config: SyncConfig;
  /** A server address and a token are both set: the desk syncs. */
  configured: boolean;
  hasToken: boolean;
  /** The central inventory's API with this desk's token, for what is not the sync (a team lead's edits); null when not configured. */
  client: SyncClient | null;
  /**
   * Saves the server address and, when given, a new token (kept by the platform); the sync
   * restarts with them. Says whether the platform stored the token encrypted.
   */
  configure(serverUrl: string, token?: string): Promise<{ encrypted: boolean | undefined }>;
  syncNow(): Promise<void>;
}

export const SyncContext = createContext<SyncController | null>(null);

export function useSync(): SyncController {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync outside <SyncContext>');
  return sync;
}

import type { TFunction } from 'i18next';
import { SyncError } from '../sync/sync-error';

/**
 * Why the central inventory did not take a reference edit, in the operator's language: no
 * connection (the edit waits for it: nothing was changed here either), a role the server refuses,
 * or the server's own sentence.
 */
export function editProblem(t: TFunction, error: unknown): string {
  if (error instanceof SyncError) {
    if (error.kind === 'network' || error.kind === 'retry') return t('reference.needsConnection');
    if (error.code === 'not_permitted') return t('refusals.not_permitted');
  }
  return t('reference.serverFailed', { message: error instanceof Error ? error.message : String(error) });
}

import { useEffect, useMemo, useState } from 'react';
import type { DeviceFilter, FilterNames } from '../../shared/register/device-filter';
import type { KvikDb } from '../store/db';
import { readRegister, type RegisterProgress } from './read-register';

/**
 * The devices `filter` selects, growing page by page while they are read; a new filter (or
 * `version`, when the devices may have changed) starts a new read and stops the one running.
 * Until the new read reports, the answer is an empty read, never the last filter's rows.
 */
export function useRegister(db: KvikDb, filter: DeviceFilter, names: FilterNames | undefined, version: unknown): RegisterProgress {
  const request = useMemo(() => ({ db, filter, names, version }), [db, filter, names, version]);
  const [answer, setAnswer] = useState<{ request: typeof request; progress: RegisterProgress } | null>(null);
  useEffect(() => {
    if (!request.names) return;
    const controller = new AbortController();
    readRegister(request.db, request.filter, request.names, (progress) => setAnswer({ request, progress }), { signal: controller.signal }).catch(
      (error: unknown) => {
        if (!controller.signal.aborted) console.error(error);
      },
    );
    return () => controller.abort();
  }, [request]);
  return answer?.request === request ? answer.progress : { matches: [], read: 0, total: 0, done: false, nowMs: 0 };
}

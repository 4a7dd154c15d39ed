import { useLiveQuery } from 'dexie-react-hooks';
import type { KvikDb } from '../store/db';
import { isOpen, listConflicts, type ConflictView } from './conflicts';

/** Every refused event of this desk, following the store; `undefined` while loading. */
export function useConflicts(db: KvikDb): ConflictView[] | undefined {
  return useLiveQuery(() => listConflicts(db), [db]);
}

/** How many conflicts wait for a person. */
export function useOpenConflictCount(db: KvikDb): number {
  return useLiveQuery(async () => (await listConflicts(db)).filter(isOpen).length, [db]) ?? 0;
}

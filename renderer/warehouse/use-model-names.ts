import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';

/** A model's name from its id (the id itself while unknown), for the printed lists. */
export function useModelNames(): (id: string) => string {
  const { db } = useServices();
  const models = useLiveQuery(() => db.models.toArray(), [db]);
  return useCallback((id: string) => models?.find((m) => m.id === id)?.name ?? id, [models]);
}

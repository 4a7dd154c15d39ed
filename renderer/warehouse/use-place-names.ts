import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Location } from '../../shared/domain/reference';
import { useServices } from '../app/services';

/** The locations, and a location's name from its id (the id itself while unknown). */
export function usePlaceNames(): { locations: Location[] | undefined; placeName(id: string): string } {
  const { db } = useServices();
  const locations = useLiveQuery(() => db.locations.orderBy('name').toArray(), [db]);
  const placeName = useCallback((id: string) => locations?.find((l) => l.id === id)?.name ?? id, [locations]);
  return { locations, placeName };
}

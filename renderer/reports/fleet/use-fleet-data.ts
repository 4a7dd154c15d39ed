import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import type { Device } from '../../../shared/domain/device';
import type { Employee, Model } from '../../../shared/domain/reference';
import type { FleetNames } from '../../../shared/fleet/tables';

export interface FleetData {
  devices: Device[];
  models: Model[];
  employees: Employee[];
  names: FleetNames;
}

/**
 * What the fleet reports read: every device and the names to show. Read on the screen's thread,
 * which is fine for a desk's few thousand devices; at fleet scale this belongs in the report
 * worker (README, "Left").
 */
export function useFleetData(): FleetData | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [devices, models, employees, departments] = await Promise.all([db.devices.toArray(), db.models.toArray(), db.employees.toArray(), db.departments.toArray()]);
    return {
      devices,
      models,
      employees,
      names: {
        departments: departments.map((d) => [d.id, d.name] as const),
        models: models.map((m) => [m.id, m.name] as const),
        employees: employees.map((e) => [e.id, e.name] as const),
      },
    };
  }, [db]);
}

import { useLiveQuery } from 'dexie-react-hooks';
import type { RegisterNames } from '../../shared/register/register-table';
import type { KvikDb } from '../store/db';

/**
 * The names the register shows and searches instead of ids: models, employees, locations, each
 * one map read once (tens of thousands of employees are a few hundred kilobytes) and read again
 * only when its table changes. `undefined` until read.
 */
export function useRegisterNames(db: KvikDb): RegisterNames | undefined {
  return useLiveQuery(async () => {
    const [models, employees, locations] = await Promise.all([db.models.toArray(), db.employees.toArray(), db.locations.toArray()]);
    const map = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((row) => [row.id, row.name]));
    const byModel = map(models);
    const byEmployee = map(employees);
    const byLocation = map(locations);
    return {
      model: (id: string) => byModel.get(id),
      employee: (id: string) => byEmployee.get(id),
      location: (id: string) => byLocation.get(id),
    };
  }, [db]);
}

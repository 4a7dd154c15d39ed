import { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { RegisterNames } from '../../shared/register/register-table';
import type { SearchNames } from './read-register';
import type { KvikDb } from '../store/db';

export type Names = RegisterNames & SearchNames;

/**
 * The names of one store, read once and kept for the app's lifetime: read again only when the
 * models, employees, locations or departments change. The register screen mounts afresh for every filter a
 * link opens; with the names already at hand its read starts at once instead of after reading
 * tens of thousands of employees again.
 */
interface NamesCache {
  names: Names | undefined;
  listeners: Set<() => void>;
}

const caches = new WeakMap<KvikDb, NamesCache>();

function cacheOf(db: KvikDb): NamesCache {
  const cached = caches.get(db);
  if (cached) return cached;
  const created: NamesCache = { names: undefined, listeners: new Set() };
  caches.set(db, created);
  liveQuery(() => readNames(db)).subscribe({
    next: (names) => {
      created.names = names;
      for (const listener of created.listeners) listener();
    },
    error: (error: unknown) => console.error(error),
  });
  return created;
}

async function readNames(db: KvikDb): Promise<Names> {
  const [models, employees, locations, departments] = await Promise.all([db.models.toArray(), db.employees.toArray(), db.locations.toArray(), db.departments.toArray()]);
  const map = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((row) => [row.id, row.name]));
  const byModel = map(models);
  const byEmployee = map(employees);
  const byLocation = map(locations);
  const byDepartment = map(departments);
  const lowerNames = employees.map((employee) => [employee.id, employee.name.toLowerCase()] as const);
  return {
    model: (id: string) => byModel.get(id),
    employee: (id: string) => byEmployee.get(id),
    location: (id: string) => byLocation.get(id),
    department: (id: string) => byDepartment.get(id),
    employeesMatching: (text: string) => {
      const needle = text.toLowerCase();
      return lowerNames.filter(([, name]) => name.includes(needle)).map(([id]) => id);
    },
  };
}

/** The names the register shows and searches instead of ids: models, employees, locations. `undefined` until first read. */
export function useRegisterNames(db: KvikDb): Names | undefined {
  const cache = cacheOf(db);
  return useSyncExternalStore(
    (listener) => {
      cache.listeners.add(listener);
      return () => cache.listeners.delete(listener);
    },
    () => cache.names,
  );
}

/**
 * When the desk's store cannot be opened (a damaged database, a newer version's schema after a
 * downgrade, no room left), the app cannot start. These two steps are its way out: read whatever
 * can still be read, store by store, with the plain IndexedDB API (no schema needed), and — once a
 * person has saved that — delete the store so the desk starts again empty and syncs back.
 */

export interface StoreExport {
  database: string;
  version: number | null;
  exportedAt: string;
  /** Every row that could be read, per object store. */
  stores: Record<string, unknown[]>;
  /** The stores (or the database) that could not be read, and why. */
  failed: Record<string, string>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the database at whatever version it has, without upgrading it. */
function openAsIs(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open'));
    req.onblocked = () => reject(new Error('the database is open elsewhere (another window?)'));
  });
}

/** Everything that can be read from the store named `name`; never throws. */
export async function exportWhatCanBeRead(name: string, now: Date, factory: IDBFactory = indexedDB): Promise<StoreExport> {
  const result: StoreExport = { database: name, version: null, exportedAt: now.toISOString(), stores: {}, failed: {} };
  let db: IDBDatabase;
  try {
    db = await openAsIs(factory, name);
  } catch (error) {
    result.failed['(database)'] = describe(error);
    return result;
  }
  try {
    result.version = db.version;
    for (const store of Array.from(db.objectStoreNames)) {
      try {
        result.stores[store] = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      } catch (error) {
        result.failed[store] = describe(error);
      }
    }
  } finally {
    db.close();
  }
  return result;
}

/** Deletes the store so the app starts again empty (what was synced comes back from the server). */
export function deleteStore(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('cannot delete'));
    req.onblocked = () => reject(new Error('the database is open elsewhere (another window?)'));
  });
}

/** How many events the export holds that never reached the central inventory. */
export function unsyncedIn(exported: StoreExport): number {
  return exported.stores['outbox']?.length ?? 0;
}

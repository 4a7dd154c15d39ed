import type { Database } from './database';
import { migrate } from './migrate';
import { ensureReportRows } from '../reports/rows';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'pglite'; dataDir?: string };

/** Opens the configured database and migrates it: the server's one way in. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  // Loaded on demand: a PostgreSQL server never pays for PGlite's WebAssembly, nor PGlite for pg.
  const db =
    config.kind === 'postgres'
      ? await (await import('./postgres')).openPostgres(config)
      : await (await import('./pglite')).openPglite(config);
  try {
    await migrate(db);
    // Report rows of an older digest version are rebuilt from the log before the first request.
    await ensureReportRows(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

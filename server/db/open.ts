import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'pglite'; dataDir?: string };

/** Opens the configured database and migrates it: the server's one way in. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.kind === 'postgres' ? await openPostgres(config) : await openPglite(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

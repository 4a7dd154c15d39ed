import { KvikDb } from './db';
import { registerPopulate } from './populate';

/** Opens the desk's local database (creating and populating it the first time). */
export async function openDb(name = 'kvikdesk'): Promise<KvikDb> {
  const db = new KvikDb(name);
  registerPopulate(db);
  await db.open();
  return db;
}

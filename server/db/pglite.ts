import { PGlite, type Transaction } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { DatabaseUnavailableError, type Database, type Queryable, type Row } from './database';
import { lockDataDir } from './data-dir-lock';

export interface PgliteOptions {
  /** A directory for the data, locked against a second process; omitted: in memory (tests). */
  dataDir?: string;
}

function translate(error: unknown, db: PGlite): unknown {
  return db.closed ? new DatabaseUnavailableError(error) : error;
}

function queryable(target: PGlite | Transaction, db: PGlite): Queryable {
  return {
    async query(sql, params = []) {
      try {
        const result = await target.query<Row>(sql, [...params]);
        return result.rows;
      } catch (error) {
        throw translate(error, db);
      }
    },
    async exec(sql) {
      try {
        await target.exec(sql);
      } catch (error) {
        throw translate(error, db);
      }
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const { dataDir } = options;
  const lock = dataDir === undefined ? null : lockDataDir(dataDir);
  let db: PGlite;
  try {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    kind: 'pglite',
    ...queryable(db, db),
    // PGlite is one connection: its transaction holds a mutex, so other queries wait for it.
    transaction: (work) => db.transaction((tx) => work(queryable(tx, db))),
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

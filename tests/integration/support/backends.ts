import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../../server/db/database';
import { openDatabase } from '../../../server/db/open';

/**
 * The databases the integration suite runs against: PGlite always (in memory), PostgreSQL when
 * DATABASE_URL is set — each test file in its own fresh schema, dropped afterwards, so files run
 * side by side without seeing each other.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenedDatabase>;
}

export interface OpenedDatabase {
  db: Database;
  /** For a child server on the same data: DATABASE_URL/DATABASE_SCHEMA env, or nothing for PGlite. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export const postgresUrl = process.env.DATABASE_URL;

export const postgresMissing = 'DATABASE_URL is not set: PostgreSQL runs of this suite skipped (PGlite runs)';

export function freshSchemaName(prefix = 'it'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export async function openPostgresSchema(url: string, schema = freshSchemaName()): Promise<OpenedDatabase> {
  const db = await openDatabase({ kind: 'postgres', url, schema });
  return {
    db,
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    async dispose() {
      await db.close();
      await dropSchema(url, schema);
    },
  };
}

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const db = await openDatabase({ kind: 'pglite' });
    return { db, env: {}, dispose: () => db.close() };
  },
};

export const backends: Backend[] = [
  pglite,
  ...(postgresUrl ? [{ name: 'postgres', open: () => openPostgresSchema(postgresUrl) } satisfies Backend] : []),
];

if (!postgresUrl) console.warn(postgresMissing);

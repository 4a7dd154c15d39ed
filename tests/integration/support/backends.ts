import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Said out loud once per test file, so a run without PostgreSQL does not look like a full one.
if (!postgresUrl && process.env.VITEST) console.warn(postgresMissing);

/** Data a child server process opens: a PGlite directory, or a PostgreSQL schema. */
export interface ChildBackend {
  name: 'pglite' | 'postgres';
  prepare(): Promise<{ env: Record<string, string>; dataDir?: string; dispose(): Promise<void> }>;
}

const pgliteDir: ChildBackend = {
  name: 'pglite',
  async prepare() {
    const root = await mkdtemp(join(tmpdir(), 'kvikdesk-it-'));
    const dataDir = join(root, 'pglite');
    return { env: { PGLITE_DIR: dataDir }, dataDir, dispose: () => rm(root, { recursive: true, force: true }) };
  },
};

export const childBackends: ChildBackend[] = [
  pgliteDir,
  ...(postgresUrl
    ? [
        {
          name: 'postgres',
          async prepare() {
            const schema = freshSchemaName('itc');
            return { env: { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema }, dispose: () => dropSchema(postgresUrl, schema) };
          },
        } satisfies ChildBackend,
      ]
    : []),
];

import pg from 'pg';
import { DatabaseUnavailableError, type Database, type Queryable, type Row } from './database';
import { isConnectionError } from './connection-errors';

export interface PostgresOptions {
  url: string;
  /**
   * A schema to work in (created if missing) instead of `public`: lets tests and benchmarks share
   * one database without seeing each other.
   */
  schema?: string;
  maxConnections?: number;
  /** How long a request waits for a connection before it is answered `503`. */
  connectTimeoutMs?: number;
}

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

function translate(error: unknown): unknown {
  return isConnectionError(error) ? new DatabaseUnavailableError(error) : error;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query(sql, params = []) {
      try {
        const result = await client.query<Row>(sql, [...params]);
        return result.rows;
      } catch (error) {
        throw translate(error);
      }
    },
    async exec(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !identifier.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: options.url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'kvikdesk-server',
    // A transaction left open by a stuck client must not hold the log's head lock forever.
    idle_in_transaction_session_timeout: 60_000,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client whose connection drops emits here; without a listener the process would crash.
  // The pool discards that client and the next request connects afresh (or answers 503).
  pool.on('error', () => undefined);

  const base = queryable(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      let failure: unknown;
      // A checked-out client whose connection drops emits 'error' (besides failing its query);
      // unheard, that event would crash the process. Heard, it marks the client broken.
      const onError = (error: Error) => {
        failure ??= error;
      };
      client.on('error', onError);
      try {
        const tx = queryable(client);
        await tx.exec('BEGIN');
        const result = await work(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (error) {
        failure = error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw translate(error);
      } finally {
        // A client whose connection broke must not go back to the pool.
        client.off('error', onError);
        const broken = failure instanceof DatabaseUnavailableError || isConnectionError(failure);
        client.release(broken ? true : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

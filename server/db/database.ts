/**
 * The one small interface the server needs from its database, implemented over PostgreSQL (`pg`)
 * and embedded PGlite. Rows come back as plain records and are parsed where they are read.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back
   * when it throws. Nothing of a failed transaction is visible, ever.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The database cannot be reached right now (refused, dropped, shutting down). The request is
 * answered `503` and the desk retries; whatever transaction was open was not committed — or, if
 * the connection dropped during COMMIT, may have been, which a retry answers as `duplicate`.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

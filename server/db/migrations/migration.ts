import type { Queryable } from '../database';

/** One numbered step of the schema. Applied once, in order, inside the start-up transaction. */
export interface Migration {
  version: number;
  name: string;
  up(tx: Queryable): Promise<void>;
}

/** A migration that is plain SQL. */
export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, up: (tx) => tx.exec(sql) };
}

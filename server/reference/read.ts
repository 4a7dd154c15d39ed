import type { z } from 'zod';
import { accessorySchema } from '../../shared/accessories/catalogue';
import {
  departmentSchema,
  employeeSchema,
  locationSchema,
  modelSchema,
  operatorSchema,
  type ReferenceTable,
} from '../../shared/domain/reference';
import type { ReferenceResponse } from '../../shared/sync/protocol';
import type { Queryable, Row } from '../db/database';
import { referenceColumns } from './tables';
import { operatorColumns } from './write';

type Columns = Record<string, { column: string }>;

/** A row back into the schema's shape: `null` columns are absent fields. */
function toRecord(columns: Columns, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, { column }] of Object.entries(columns))
    if (row[column] !== null && row[column] !== undefined) record[field] = row[column];
  return record;
}

async function readTable<S extends z.ZodType>(db: Queryable, table: ReferenceTable | 'operators', schema: S, since: number): Promise<Array<z.infer<S>>> {
  const columns: Columns = table === 'operators' ? operatorColumns : referenceColumns[table];
  const names = Object.values(columns).map((c) => c.column);
  const rows = await db.query(`SELECT ${names.join(', ')} FROM ${table} WHERE revision > $1 ORDER BY id COLLATE "C"`, [since]);
  // Parsed on the way out too: what a desk receives always matches the schema it parses with.
  return rows.map((row) => schema.parse(toRecord(columns, row)));
}

/** Everything (`since` 0), or the rows changed after the desk's revision. */
export async function readReference(db: Queryable, since = 0): Promise<ReferenceResponse> {
  return {
    revision: await readRevision(db),
    full: since === 0,
    departments: await readTable(db, 'departments', departmentSchema, since),
    employees: await readTable(db, 'employees', employeeSchema, since),
    locations: await readTable(db, 'locations', locationSchema, since),
    models: await readTable(db, 'models', modelSchema, since),
    operators: await readTable(db, 'operators', operatorSchema, since),
    accessories: await readTable(db, 'accessories', accessorySchema, since),
  };
}

/** The reference data's revision now. */
export async function readRevision(db: Queryable): Promise<number> {
  const [row] = await db.query('SELECT revision FROM reference_revision');
  return Number(row?.revision ?? 0);
}

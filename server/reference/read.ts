import type { z } from 'zod';
import {
  departmentSchema,
  employeeSchema,
  locationSchema,
  modelSchema,
  type ReferenceTable,
} from '../../shared/domain/reference';
import type { ReferenceResponse } from '../../shared/sync/protocol';
import type { Queryable, Row } from '../db/database';
import { referenceColumns } from './tables';

/** A row back into the schema's shape: `null` columns are absent fields. */
function toRecord(table: ReferenceTable, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, { column }] of Object.entries(referenceColumns[table]))
    if (row[column] !== null && row[column] !== undefined) record[field] = row[column];
  return record;
}

async function readTable<S extends z.ZodType>(db: Queryable, table: ReferenceTable, schema: S): Promise<Array<z.infer<S>>> {
  const columns = Object.values(referenceColumns[table]).map((c) => c.column);
  const rows = await db.query(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id COLLATE "C"`);
  // Parsed on the way out too: what a desk receives always matches the schema it parses with.
  return rows.map((row) => schema.parse(toRecord(table, row)));
}

export async function readReference(db: Queryable): Promise<ReferenceResponse> {
  const [revisionRow] = await db.query('SELECT revision FROM reference_revision');
  return {
    revision: Number(revisionRow?.revision ?? 0),
    departments: await readTable(db, 'departments', departmentSchema),
    employees: await readTable(db, 'employees', employeeSchema),
    locations: await readTable(db, 'locations', locationSchema),
    models: await readTable(db, 'models', modelSchema),
  };
}

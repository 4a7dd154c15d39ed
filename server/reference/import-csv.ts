import type { ReferenceTable } from '../../shared/domain/reference';
import { parseReferenceCsv, type CsvRowError } from '../../shared/domain/reference-csv';
import type { Database } from '../db/database';
import { writeReferenceRows } from './write';

export type ImportProblem = Pick<CsvRowError, 'line' | 'message'>;

export type ImportResult = { ok: true; rows: number; revision: number } | { ok: false; problems: ImportProblem[] };

/**
 * Imports a table of reference data from CSV, read and checked by the shared reader (the desk's
 * import button uses the same), plus what only the central inventory knows: an employee's
 * department must exist. Any problem imports nothing and lists every bad row by line. Otherwise
 * rows are inserted or updated by id (rows not in the file stay: past events still name them) and
 * the reference revision goes up, in one transaction.
 */
export async function importReferenceCsv(db: Database, table: ReferenceTable, csv: string): Promise<ImportResult> {
  const parsed = parseReferenceCsv(table, csv);
  const problems: ImportProblem[] = parsed.errors.map(({ line, message }) => ({ line, message }));
  if (table === 'employees') {
    const departments = await knownDepartments(db);
    for (const { line, row } of parsed.rows) {
      const department = (row as { department: string }).department;
      if (!departments.has(department)) problems.push({ line, message: `unknown department ${department}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  const records = parsed.rows.map(({ row }) => row);

  const revision = await writeReferenceRows(db, table, records);
  return { ok: true, rows: records.length, revision };
}

async function knownDepartments(db: Database): Promise<Set<string>> {
  const rows = await db.query('SELECT id FROM departments');
  return new Set(rows.map((row) => String(row.id)));
}

import Papa from 'papaparse';
import { referenceSchemas, type ReferenceTable } from '../../shared/domain/reference';
import { describeIssues } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import { referenceColumns } from './tables';

export interface ImportProblem {
  /** 1-based line of the CSV file where the row starts (the header is line 1). */
  line: number;
  message: string;
}

export type ImportResult = { ok: true; rows: number; revision: number } | { ok: false; problems: ImportProblem[] };

interface CsvRow {
  line: number;
  cells: string[];
}

/** Rows with the line each starts on, counted exactly even when a quoted cell spans lines. */
function readCsv(text: string): CsvRow[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(normalized, {
    step: (result) => {
      rows.push({ line, cells: result.data });
      const end = Math.min(result.meta.cursor + 1, normalized.length);
      for (let i = start; i < end; i++) if (normalized[i] === '\n') line += 1;
      start = end;
    },
  });
  return rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

/**
 * Imports a table of reference data from CSV (header row of field names, `,` or `;`): every row
 * is checked against the zod schema, ids must be unique, an employee's department must exist.
 * Any problem imports nothing and lists every bad row by line. Otherwise rows are inserted or
 * updated by id (rows not in the file stay: past events still name them) and the reference
 * revision goes up, in one transaction.
 */
export async function importReferenceCsv(db: Database, table: ReferenceTable, csv: string): Promise<ImportResult> {
  const columns = referenceColumns[table];
  const [header, ...rows] = readCsv(csv);
  if (!header) return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
  const fields = header.cells.map((cell) => cell.trim());
  const problems: ImportProblem[] = [];
  const unknown = fields.filter((f) => !(f in columns));
  if (unknown.length > 0)
    problems.push({ line: 1, message: `unknown column(s) ${unknown.join(', ')}; expected ${Object.keys(columns).join(', ')}` });
  const missing = Object.entries(columns).filter(([f, c]) => c.required && !fields.includes(f)).map(([f]) => f);
  if (missing.length > 0) problems.push({ line: 1, message: `missing column(s) ${missing.join(', ')}` });
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, message: 'no rows to import' }] };

  const departments = table === 'employees' ? await knownDepartments(db) : new Set<string>();
  const records: Array<Record<string, unknown>> = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== fields.length) {
      problems.push({ line: row.line, message: `${row.cells.length} cells, the header has ${fields.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (value === '') return;
      raw[field] = columns[field]?.type === 'integer' && /^\d+$/.test(value) ? Number(value) : value;
    });
    const parsed = referenceSchemas[table].safeParse(raw);
    if (!parsed.success) {
      problems.push({ line: row.line, message: describeIssues(parsed.error) });
      continue;
    }
    const record: Record<string, unknown> = parsed.data;
    const id = String(record.id);
    const first = seen.get(id);
    if (first !== undefined) problems.push({ line: row.line, message: `id ${id} is also on line ${first}` });
    else seen.set(id, row.line);
    if (table === 'employees' && !departments.has(String(record.department)))
      problems.push({ line: row.line, message: `unknown department ${String(record.department)}` });
    records.push(record);
  }
  if (problems.length > 0) return { ok: false, problems };

  const revision = await db.transaction(async (tx) => {
    const entries = Object.entries(columns);
    const names = entries.map(([, c]) => c.column);
    const recordset = entries.map(([field, c]) => `"${field}" ${c.type}`).join(', ');
    await tx.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${entries.map(([field]) => `"${field}"`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordset})
       ON CONFLICT (id) DO UPDATE SET ${names.filter((n) => n !== 'id').map((n) => `${n} = EXCLUDED.${n}`).join(', ')}`,
      [JSON.stringify(records)],
    );
    const [row] = await tx.query('UPDATE reference_revision SET revision = revision + 1 RETURNING revision');
    return Number(row?.revision);
  });
  return { ok: true, rows: records.length, revision };
}

async function knownDepartments(db: Database): Promise<Set<string>> {
  const rows = await db.query('SELECT id FROM departments');
  return new Set(rows.map((row) => String(row.id)));
}

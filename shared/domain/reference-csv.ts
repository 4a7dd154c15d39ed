import Papa from 'papaparse';
import type { z } from 'zod';
import { readPrice } from './money';
import { referenceSchemas, type ReferenceTable } from './reference';

/**
 * Reading a reference table (departments, employees, locations, models) from CSV: the one reader
 * for the desk's import button and the central inventory's import command alike.
 */

/** Danish column names staff are likely to have in their spreadsheets, mapped to our fields. */
const headerAliases: Record<string, string> = {
  navn: 'name',
  forvaltning: 'department',
  afdeling: 'department',
  'e-mail': 'email',
  mail: 'email',
  art: 'kind',
  enhedstype: 'kind',
  antal: 'devicesJune2023',
  'medarbejder-id': 'id',
  medarbejdernummer: 'id',
  pris: 'price',
  niveau: 'tier',
  kortnummer: 'badge',
  adgangskort: 'badge',
  aktiv: 'active',
  ean: 'gtin',
  gtins: 'gtin',
  'lavt lager': 'levels',
  minimum: 'levels',
};

const numericFields = new Set(['devicesJune2023']);
/** Yes/no columns, as a spreadsheet writes them in Danish or English. */
const booleanFields = new Set(['active']);
const booleanWords: Record<string, boolean> = { ja: true, nej: false, yes: true, no: false, true: true, false: false, '1': true, '0': false };
/** Money is written in kroner (`4.599,00`) and kept in øre. */
const moneyFields = new Set(['price']);

export type CsvProblem = 'empty' | 'no_rows' | 'unknown_columns' | 'missing_columns' | 'cell_count' | 'invalid_value' | 'duplicate_id';

export interface CsvRowError {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  /** What is wrong, for the desk to say in the operator's language; `fields` names the columns. */
  problem: CsvProblem;
  fields?: string[];
  /** The same in English, for logs and the server's command line. */
  message: string;
}

export type ReferenceRowOf<T extends ReferenceTable> = z.infer<(typeof referenceSchemas)[T]>;

/**
 * The rows that are valid with their lines, and every problem found. The file is good when there
 * are no errors; the valid rows of a bad file let a caller add checks of its own to the list.
 */
export interface ReferenceCsvResult<T extends ReferenceTable> {
  rows: Array<{ line: number; row: ReferenceRowOf<T> }>;
  errors: CsvRowError[];
}

export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Rows with the line each starts on, counted exactly even when a quoted cell spans lines: a row
 * ends at one line break, and a cell can only hold more by quoting them, so each row's line is the
 * last one's plus one plus the breaks inside its cells. Parsed in one call, not a callback per row:
 * an Intune export holds 100,000 of them. `delimiter`: named, not guessed.
 */
export function readCsvRows(text: string, delimiter?: string): CsvRow[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { data } = Papa.parse<string[]>(normalized, delimiter ? { delimiter } : { delimitersToGuess: [';', ',', '\t'] });
  const rows: CsvRow[] = [];
  let line = 1;
  for (const cells of data) {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    line += 1;
    for (const cell of cells) if (cell.includes('\n')) line += cell.split('\n').length - 1;
  }
  return rows;
}

/**
 * Checks every row of the file against the table's zod schema: known columns (field names, or the
 * Danish names above), required columns present, cells per row, valid values, unique ids. Callers
 * import nothing when there is any error, with every bad line listed: an import is never half-done.
 * Separator `;`, `,` or tab; UTF-8 with or without BOM (Danish Excel writes `;` and a BOM).
 */
export function parseReferenceCsv<T extends ReferenceTable>(table: T, text: string): ReferenceCsvResult<T> {
  const schema = referenceSchemas[table];
  const known = Object.keys(schema.shape);
  const [header, ...rows] = readCsvRows(text);
  if (!header) return { rows: [], errors: [{ line: 1, problem: 'empty', message: 'the file is empty' }] };

  const fields = header.cells.map((cell) => headerAliases[cell.trim().toLowerCase()] ?? cell.trim());
  const errors: CsvRowError[] = [];
  const unknown = fields.filter((f) => !known.includes(f));
  if (unknown.length > 0)
    errors.push({ line: 1, problem: 'unknown_columns', fields: unknown, message: `unknown column(s) ${unknown.join(', ')}; expected ${known.join(', ')}` });
  const shape = schema.shape as Record<string, z.ZodType>;
  const missing = known.filter((f) => !fields.includes(f) && !shape[f]?.safeParse(undefined).success);
  if (missing.length > 0) errors.push({ line: 1, problem: 'missing_columns', fields: missing, message: `missing column(s) ${missing.join(', ')}` });
  if (errors.length > 0) return { rows: [], errors };
  if (rows.length === 0) return { rows: [], errors: [{ line: 2, problem: 'no_rows', message: 'no rows to import' }] };

  const parsedRows: Array<{ line: number; row: ReferenceRowOf<T> }> = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (cells.length !== fields.length) {
      errors.push({ line, problem: 'cell_count', message: `${cells.length} cells, the header has ${fields.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      const value = (cells[i] ?? '').trim();
      if (value === '') return;
      if (booleanFields.has(field)) {
        raw[field] = booleanWords[value.toLowerCase()] ?? value;
        return;
      }
      if (moneyFields.has(field)) {
        raw[field] = readPrice(value) ?? value;
        return;
      }
      // "3.984" is how a Danish spreadsheet writes three thousand nine hundred and eighty-four.
      raw[field] = numericFields.has(field) && /^\d{1,3}(\.\d{3})*$|^\d+$/.test(value) ? Number(value.replace(/\./g, '')) : value;
    });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues;
      errors.push({
        line,
        problem: 'invalid_value',
        fields: [...new Set(issues.map((i) => String(i.path[0] ?? 'row')))],
        message: issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '),
      });
      continue;
    }
    const id = parsed.data.id;
    const first = seen.get(id);
    if (first !== undefined) errors.push({ line, problem: 'duplicate_id', fields: [id, String(first)], message: `id ${id} is also on line ${first}` });
    else seen.set(id, line);
    parsedRows.push({ line, row: parsed.data as ReferenceRowOf<T> });
  }
  return { rows: parsedRows, errors };
}

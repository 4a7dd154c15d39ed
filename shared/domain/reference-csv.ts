import Papa from 'papaparse';
import type { z } from 'zod';
import { referenceSchemas, type ReferenceTable } from './reference';

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
};

const numericFields = new Set(['devicesJune2023']);

export interface CsvRowError {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  message: string;
}

export type ReferenceCsvResult<T extends ReferenceTable> =
  | { ok: true; rows: z.infer<(typeof referenceSchemas)[T]>[] }
  | { ok: false; errors: CsvRowError[] };

/**
 * Reads a reference table (departments, employees, locations, models) from CSV text, as a desk or
 * the central inventory imports it. All rows are checked; any bad row rejects the whole file, so an
 * import is never half-done. Separator `;` or `,` (Danish Excel writes `;`), UTF-8 with or without BOM.
 */
export function parseReferenceCsv<T extends ReferenceTable>(table: T, text: string): ReferenceCsvResult<T> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (h) => {
      const key = h.trim().toLowerCase();
      return headerAliases[key] ?? h.trim();
    },
  });
  const errors: CsvRowError[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, message: e.message }));
  const schema = referenceSchemas[table];
  const rows: z.infer<(typeof referenceSchemas)[T]>[] = [];
  parsed.data.forEach((record, index) => {
    const cleaned: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      const v = typeof value === 'string' ? value.trim() : value;
      if (v === '' || v === undefined) continue;
      cleaned[field] = numericFields.has(field) ? Number(String(v).replace(/\./g, '')) : v;
    }
    const result = schema.safeParse(cleaned);
    if (result.success) rows.push(result.data as z.infer<(typeof referenceSchemas)[T]>);
    else
      errors.push({
        line: index + 2,
        message: result.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '),
      });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'the file has no rows' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

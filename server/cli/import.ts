import { readFileSync } from 'node:fs';
import { referenceTables, type ReferenceTable } from '../../shared/domain/reference';
import type { Database } from '../db/database';
import { importReferenceCsv } from '../reference/import-csv';
import { importDevicesCommand, importDevicesUsage, type Progress } from './import-devices';

function isReferenceTable(name: string | undefined): name is ReferenceTable {
  return (referenceTables as readonly (string | undefined)[]).includes(name);
}

/** `import <table> <file.csv>` or `import devices <file.csv> …`; returns the exit code. */
export async function importCommand(db: Database, args: readonly string[], out: (line: string) => void, progress?: Progress): Promise<number> {
  const [table, file] = args;
  if (table === 'devices') return importDevicesCommand(db, args.slice(1), out, progress);
  if (!isReferenceTable(table) || !file) {
    out(`usage: import <${referenceTables.join('|')}> <file.csv> | ${importDevicesUsage}`);
    return 2;
  }
  const result = await importReferenceCsv(db, table, readFileSync(file, 'utf8'));
  if (!result.ok) {
    out(`Nothing imported: ${result.problems.length} problem(s) in ${file}:`);
    for (const p of result.problems) out(`  line ${p.line}: ${p.message}`);
    return 1;
  }
  out(`Imported ${result.rows} ${table} from ${file} (reference revision ${result.revision}).`);
  return 0;
}

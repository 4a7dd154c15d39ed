import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Papa from 'papaparse';
import type { LinePlan } from '../../shared/import/plan';
import type { Database } from '../db/database';
import { importDevices, type DeviceImportResult } from '../import/devices';

export const importDevicesUsage = 'import devices <file.csv> [--dry-run] [--skip-invalid] [--operator <id>]';

export interface Progress {
  (done: number, total: number): void;
}

/**
 * `import devices <file.csv> [--dry-run] [--skip-invalid] [--operator <id>]`; returns the exit
 * code. A dry run lists every line's outcome; a real run lists the refused lines. Refused rows
 * go to `<file>.refused.csv` beside the input, with the reason in a last column, to be fixed and
 * imported again.
 */
export async function importDevicesCommand(db: Database, args: readonly string[], out: (line: string) => void, progress?: Progress): Promise<number> {
  const flags = new Set(args.filter((a) => a === '--dry-run' || a === '--skip-invalid'));
  const operatorAt = args.indexOf('--operator');
  const operator = operatorAt >= 0 ? args[operatorAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (operatorAt < 0 || i !== operatorAt + 1));
  if (!file || (operatorAt >= 0 && !operator)) {
    out(`usage: ${importDevicesUsage}`);
    return 2;
  }
  const text = readFileSync(file, 'utf8');
  const dryRun = flags.has('--dry-run');
  const result = await importDevices(db, text, { source: basename(file), dryRun, skipInvalid: flags.has('--skip-invalid'), operator, progress });
  if (result.file.problem) {
    out(`Nothing imported: ${result.file.problem}.`);
    return 1;
  }
  if (result.file.columns.ignored.length > 0) out(`Columns not read: ${result.file.columns.ignored.join(', ')}`);
  for (const line of result.plan.lines) if (dryRun || line.outcome === 'refused') out(describeLine(line));
  const refusedFile = result.plan.counts.refused > 0 ? writeRefused(file, text, result) : undefined;
  out(summary(result, dryRun));
  if (refusedFile) out(`Refused rows written to ${refusedFile}`);
  if (result.conflicts > 0) out(`${result.conflicts} event(s) were stored as conflicts: see the log.`);
  return !dryRun && !result.written && result.plan.events.length > 0 ? 1 : 0;
}

function describeLine(plan: LinePlan): string {
  const where = `line ${plan.line}`;
  switch (plan.outcome) {
    case 'create':
      return `${where}: create ${plan.key} (${(plan.event.data as { status: string }).status})`;
    case 'change':
      return `${where}: change ${plan.key} (${plan.fields.join(', ')})`;
    case 'unchanged':
      return `${where}: unchanged ${plan.key}`;
    case 'refused':
      return `${where}: refused${plan.key ? ` ${plan.key}` : ''}: ${plan.refusal.message}`;
  }
}

function summary({ plan, written }: DeviceImportResult, dryRun: boolean): string {
  const { create, change, unchanged, refused } = plan.counts;
  const counts = `${create} to create, ${change} to change, ${unchanged} unchanged, ${refused} refused`;
  if (dryRun) return `Dry run, nothing imported: ${counts}.`;
  if (written) return `Imported: ${create} created, ${change} changed, ${unchanged} unchanged, ${refused} refused (skipped).`;
  if (plan.events.length === 0) return `Nothing to import: ${counts}.`;
  return `Nothing imported: ${refused} row(s) refused (fix them, or import the rest with --skip-invalid): ${counts}.`;
}

/** The refused rows in the input's own layout (its separator, its header), plus the reason. */
function writeRefused(file: string, text: string, { file: read, plan }: DeviceImportResult): string {
  const target = join(dirname(file), `${basename(file, extname(file))}.refused.csv`);
  const cellsByLine = new Map(read.rows.map((row) => [row.line, row.cells]));
  const rows = plan.lines.flatMap((line) => (line.outcome === 'refused' ? [[...(cellsByLine.get(line.line) ?? []), `line ${line.line}: ${line.refusal.message}`]] : []));
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const csv = Papa.unparse([[...read.header, 'reason'], ...rows], { delimiter });
  writeFileSync(target, `${text.startsWith('\uFEFF') ? '\uFEFF' : ''}${csv}\r\n`);
  return target;
}

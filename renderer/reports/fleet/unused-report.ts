import { unusedDevices, type UnusedReport } from '../../../shared/fleet/unused';
import { unusedTables } from '../../../shared/fleet/unused-tables';
import type { KvikDb } from '../../store/db';
import { loadIntuneEvidence } from '../intune-evidence';
import { readUnusedRows } from '../read-rows';
import type { ReportProgress, ReportRequest, ReportTimings } from '../report-request';

export interface UnusedResult {
  report: UnusedReport;
  tables: ReturnType<typeof unusedTables>;
}

/**
 * "Ubrugte enheder" in the report worker: the fleet packs and the open shelf spans from the report
 * rows (`readUnusedRows`), the last reconciliation's evidence from the settings; summed by
 * `unusedDevices`. Only the tables cross to the page.
 */
export async function unusedReport(
  db: KvikDb,
  request: Extract<ReportRequest, { kind: 'unused' }>,
  onProgress: (progress: ReportProgress) => void,
): Promise<{ kind: 'unused'; report: UnusedResult; timings: ReportTimings }> {
  const started = performance.now();
  const { today, settings } = request;
  onProgress({ phase: 'devices' });
  const [{ value, rows, departments }, evidence, locations] = await Promise.all([
    readUnusedRows(db, onProgress),
    loadIntuneEvidence(db),
    db.locations.toArray(),
  ]);
  const read = performance.now();
  onProgress({ phase: 'computing' });
  const report = unusedDevices({ ...value, evidence: evidence ?? null }, { today, settings });
  const tables = unusedTables(report, {
    departments: departments.map((d) => [d.id, d.name] as const),
    models: value.models.map((m) => [m.id, m.name] as const),
    employees: value.employees.map((e) => [e.id, e.name] as const),
    locations: locations.map((l) => [l.id, l.name] as const),
  });
  const timings: ReportTimings = { readMs: read - started, computeMs: performance.now() - read, devices: value.shelf.length, events: 0, histories: 0, rows };
  return { kind: 'unused', report: { report, tables }, timings };
}

import type { FleetDevice } from '../../../shared/fleet/fleet-device';
import type { Employee, Model } from '../../../shared/domain/reference';
import { readIntuneFile } from '../../../shared/fleet/intune-file';
import { reconcileWithIntune, type Reconciliation } from '../../../shared/fleet/reconcile';
import { replacementPlan } from '../../../shared/fleet/replacement';
import { residualReport } from '../../../shared/fleet/residual';
import { reconciliationTables, replacementTables, type FleetNames } from '../../../shared/fleet/tables';
import type { KvikDb } from '../../store/db';
import { readFleetRows } from '../read-rows';
import type { ReportProgress, ReportRequest, ReportTimings } from '../report-request';

interface FleetData {
  devices: FleetDevice[];
  models: Model[];
  employees: Employee[];
  names: FleetNames;
}

export type ReplacementResult = ReturnType<typeof replacementTables>;
export interface IntuneResult {
  reconciliation: Reconciliation;
  tables: ReturnType<typeof reconciliationTables>;
  /** The file's lines that were read as devices. */
  lines: number;
}

/**
 * The fleet reports (replacement plan and residual value, Intune reconciliation) over every
 * device of the store and the names to show, read in one readonly transaction: the devices from
 * the fleet packs the store keeps with every write (`store/holding-packs.ts`), a few hundred
 * records instead of 100,000 devices. In the report worker like the others, so the screen's
 * thread never holds the fleet.
 */
export async function fleetReport(
  db: KvikDb,
  request: Extract<ReportRequest, { kind: 'replacement' | 'intune' }>,
  onProgress: (progress: ReportProgress) => void,
): Promise<{ kind: 'replacement'; report: ReplacementResult; timings: ReportTimings } | { kind: 'intune'; report: IntuneResult; timings: ReportTimings }> {
  const started = performance.now();
  onProgress({ phase: 'devices' });
  const { value, rows, departments } = await readFleetRows(db, onProgress);
  const data: FleetData = {
    ...value,
    names: {
      departments: departments.map((d) => [d.id, d.name] as const),
      models: value.models.map((m) => [m.id, m.name] as const),
      employees: value.employees.map((e) => [e.id, e.name] as const),
    },
  };
  const read = performance.now();
  onProgress({ phase: 'computing' });
  const timings = (): ReportTimings => ({ readMs: read - started, computeMs: performance.now() - read, devices: data.devices.length, events: 0, histories: 0, rows });
  const { settings } = request;
  if (request.kind === 'replacement') {
    const report = replacementTables(replacementPlan(data.devices, data.models, request.today), residualReport(data.devices, request.on, settings), data.names);
    return { kind: 'replacement', report, timings: timings() };
  }
  const file = readIntuneFile(request.file);
  const parsed = performance.now();
  const reconciliation = reconcileWithIntune(data.devices, file.rows, request.at, data, settings);
  const halves = { parseMs: parsed - read, matchMs: performance.now() - parsed };
  return { kind: 'intune', report: { reconciliation, tables: reconciliationTables(reconciliation, file.problems, data.names), lines: file.rows.length }, timings: { ...timings(), ...halves } };
}

import type { Department, Employee, Location, Model } from '../domain/reference';
import { localDayOf, type LocalDate } from '../reports/calendar';
import type { ReportTable } from '../reports/tables';
import type { ReportSettings } from '../reports/settings';
import type { FleetDevice } from './fleet-device';
import { evidenceOfExport, type IntuneEvidence } from './intune-evidence';
import { readIntuneFile, type IntuneFile } from './intune-file';
import { reconcileWithIntune } from './reconcile';
import { replacementPlan } from './replacement';
import { residualReport } from './residual';
import { reconciliationTables, replacementTables, type FleetNames } from './tables';
import { unusedDevices, type ShelfNow } from './unused';
import { unusedTables } from './unused-tables';

/**
 * The fleet reports as the central inventory answers them (`GET|POST /v1/reports/<replacement|intune|unused>`):
 * the same functions as the desk's report worker (`renderer/reports/fleet/`), over every device's
 * projection instead of the desk's fleet packs. Pure: the server reads, this computes.
 */

export const centralFleetReportNames = ['replacement', 'intune', 'unused'] as const;
export type CentralFleetReportName = (typeof centralFleetReportNames)[number];

/** An Intune "All devices" export sent with the request: the reconciliation's input, and the unused devices' evidence. */
export interface PostedIntuneFile {
  name: string;
  text: string;
  /** When the server received it: "not checked in for N days" counts from here. */
  at: number;
}

/** The posted export once read (`readPostedExport`): its lines and problems, as the reconciliation takes them. */
export interface ReadIntuneExport {
  name: string;
  at: number;
  file: IntuneFile;
}

export function readPostedExport(posted: PostedIntuneFile): ReadIntuneExport {
  return { name: posted.name, at: posted.at, file: readIntuneFile(posted.text) };
}

export interface CentralFleetData {
  /** Every device the register holds, as the fleet reports read them; `lastDepartment` for those on a shelf (`unused`). */
  devices: readonly FleetDevice[];
  /** The shelf spans still open (`unused`). */
  shelf?: readonly ShelfNow[];
  models: readonly Model[];
  departments: readonly Department[];
  employees: readonly Employee[];
  locations?: readonly Location[];
  intune?: ReadIntuneExport;
  /** The evidence kept from the last export posted (`unused` without one). */
  evidence?: IntuneEvidence | null;
}

export type CentralFleetQuery =
  | { report: 'replacement'; on?: LocalDate | undefined }
  | { report: 'intune' }
  | { report: 'unused' };

/** What the server reads for a fleet report beyond the devices and the reference data. */
export function fleetToRead(query: CentralFleetQuery): { shelf: boolean } {
  return { shelf: query.report === 'unused' };
}

export interface CentralFleetReport {
  report: unknown;
  tables: ReadonlyArray<ReportTable<never>>;
  name: string;
  /** What a posted export showed of the unused devices: for the server to keep as the last evidence. */
  evidence?: IntuneEvidence;
}

const pairs = (rows: ReadonlyArray<{ id: string; name: string }>) => rows.map((row) => [row.id, row.name] as const);

export function centralFleetReport(query: CentralFleetQuery, data: CentralFleetData, today: LocalDate, settings: ReportSettings): CentralFleetReport {
  const names: FleetNames = { departments: pairs(data.departments), models: pairs(data.models), employees: pairs(data.employees) };
  const tablesOf = (record: Record<string, ReportTable<never>>) => Object.values(record);
  switch (query.report) {
    case 'replacement': {
      const on = query.on ?? today;
      const plan = replacementPlan(data.devices, data.models, today);
      const residual = residualReport(data.devices, on, settings);
      return { report: { plan, residual }, tables: tablesOf(replacementTables(plan, residual, names) as never), name: `replacement-${today}` };
    }
    case 'intune': {
      const { reconciliation, problems, lines, intune } = reconcile(data, settings);
      const tables = tablesOf(reconciliationTables(reconciliation, problems, names) as never);
      const evidence = evidenceOf(intune, { lines, unused: reconciliation.unused }, settings);
      return { report: { reconciliation, problems, lines }, tables, name: `intune-${today}`, ...(evidence ? { evidence } : {}) };
    }
    case 'unused': {
      // The handed-out devices the posted export shows unused (none from a file that could not be
      // read); without one, those the last export kept showed; without either, the shelf part alone.
      const reconciled = data.intune ? reconcile(data, settings) : undefined;
      const posted = reconciled ? evidenceOf(reconciled.intune, { lines: reconciled.lines, unused: reconciled.reconciliation.unused }, settings) : undefined;
      const evidence = reconciled ? (posted ?? null) : (data.evidence ?? null);
      const report = unusedDevices({ fleet: data.devices, shelf: data.shelf ?? [], models: data.models, evidence }, { today, settings });
      const tables = unusedTables(report, { ...names, locations: pairs(data.locations ?? []) });
      return { report, tables: tablesOf(tables as never), name: `unused-${today}`, ...(posted ? { evidence: posted } : {}) };
    }
  }
}

/** The posted export's evidence (`evidenceOfExport`): its unused devices, its name and the day it came. */
function evidenceOf(intune: ReadIntuneExport, read: Parameters<typeof evidenceOfExport>[0], settings: ReportSettings): IntuneEvidence | null {
  return evidenceOfExport(read, intune.name, localDayOf(intune.at, settings.timeZone));
}

function reconcile(data: CentralFleetData, settings: ReportSettings) {
  if (!data.intune) throw new Error('the Intune reconciliation needs the export');
  const { file } = data.intune;
  const reconciliation = reconcileWithIntune(data.devices, file.rows, data.intune.at, { models: data.models, employees: data.employees }, settings);
  return { reconciliation, problems: file.problems, lines: file.rows.length, intune: data.intune };
}

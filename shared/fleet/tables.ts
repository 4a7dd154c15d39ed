import { deviceKeyFor } from '../domain/device-key';
import { statusLabels, type Label } from '../reports/labels';
import { namedValues, type ReportTable } from '../reports/tables';
import type { IntuneProblem, IntuneProblemCode, IntuneRow } from './intune-file';
import type { Reconciliation } from './reconcile';
import type { ReplacementGroup, ReplacementPlan, ReplacementWindowId } from './replacement';
import type { ResidualDepartmentRow, ResidualReport, ResidualRow } from './residual';

/** The fleet reports as `ReportTable`s: the screen, the printout and the CSV show the same rows. */

export interface FleetNames {
  departments: Iterable<readonly [string, string]>;
  models: Iterable<readonly [string, string]>;
  employees: Iterable<readonly [string, string]>;
}

export const windowLabels: Readonly<Record<ReplacementWindowId, Label>> = {
  overdue: { da: 'Over fire år allerede', en: 'Already over four years' },
  this_quarter: { da: 'Dette kvartal', en: 'This quarter' },
  next_quarter: { da: 'Næste kvartal', en: 'Next quarter' },
  this_year: { da: 'I år', en: 'This year' },
};

const NOT_HANDED_OUT: Label = { da: '(ikke udleveret)', en: '(not handed out)' };
/** The columns every fleet table shares. */
export const deviceKey = { label: { da: 'IMEI/serienr.', en: 'IMEI/serial no.' }, type: 'device' } as const;
export const count = { label: { da: 'Antal', en: 'Count' }, type: 'integer' } as const;

export type ReplacementRow = ReplacementGroup & { window: ReplacementWindowId };

export function replacementTables(plan: ReplacementPlan, residual: ResidualReport, names: FleetNames) {
  const departments = { ...namedValues(names.departments), '': NOT_HANDED_OUT };
  const models = namedValues(names.models);
  const department = { label: { da: 'Forvaltning', en: 'Department' }, type: 'text', values: departments } as const;
  const model = { label: { da: 'Model', en: 'Model' }, type: 'text', values: models } as const;
  const plannedRows: ReplacementRow[] = plan.windows.flatMap((window) => window.groups.map((group) => ({ ...group, window: window.id })));
  const replacement: ReportTable<ReplacementRow> = {
    id: 'replacement',
    title: { da: 'Udskiftningsplan (enheder der fylder fire år)', en: 'Replacement plan (devices turning four)' },
    columns: [
      { key: 'window', label: { da: 'Periode', en: 'Period' }, type: 'text', values: windowLabels },
      { key: 'department', ...department },
      { key: 'model', ...model },
      { key: 'count', ...count },
      { key: 'budgetOre', label: { da: 'Budget (kr.)', en: 'Budget (DKK)' }, type: 'money', exportHeader: 'Budget (kr.)' },
      { key: 'unpriced', label: { da: 'Uden modelpris', en: 'No model price' }, type: 'integer' },
    ],
    rows: plannedRows,
  };
  const residualDepartments: ReportTable<ResidualDepartmentRow> = {
    id: 'residual-departments',
    title: { da: 'Restværdi pr. forvaltning', en: 'Residual value by department' },
    columns: [
      { key: 'department', ...department },
      { key: 'count', ...count },
      { key: 'purchasePriceOre', label: { da: 'Købspris (kr.)', en: 'Purchase price (DKK)' }, type: 'money', exportHeader: 'Købspris (kr.)' },
      { key: 'residualOre', label: { da: 'Restværdi (kr.)', en: 'Residual value (DKK)' }, type: 'money', exportHeader: 'Restværdi (kr.)' },
    ],
    rows: residual.departments,
  };
  const residualDevices: ReportTable<ResidualRow> = {
    id: 'residual-devices',
    title: { da: 'Restværdi pr. enhed', en: 'Residual value by device' },
    columns: [
      { key: 'deviceKey', ...deviceKey },
      { key: 'department', ...department },
      { key: 'model', ...model },
      { key: 'purchaseDate', label: { da: 'Købsdato', en: 'Purchase date' }, type: 'date' },
      { key: 'purchasePriceOre', label: { da: 'Købspris (kr.)', en: 'Purchase price (DKK)' }, type: 'money', exportHeader: 'Købspris (kr.)' },
      { key: 'residualOre', label: { da: 'Restværdi (kr.)', en: 'Residual value (DKK)' }, type: 'money', exportHeader: 'Restværdi (kr.)' },
      { key: 'replacementDay', label: { da: 'Fire år', en: 'Four years' }, type: 'date' },
    ],
    rows: residual.devices,
  };
  return { replacement, residualDepartments, residualDevices };
}

const reasonLabels = {
  not_in_register: { da: 'I Intune, ikke i registret', en: 'In Intune, not in the register' },
  absent: { da: 'Udleveret, ikke i Intune', en: 'Handed out, not in Intune' },
  stale: { da: 'Udleveret, ikke set af Intune længe', en: 'Handed out, not seen by Intune for long' },
  holder: { da: 'Anden bruger i Intune', en: 'Another user in Intune' },
  model: { da: 'Anden model i Intune', en: 'Another model in Intune' },
} as const satisfies Record<string, Label>;

export const intuneProblemLabels: Readonly<Record<IntuneProblemCode, Label>> = {
  too_large: { da: 'Filen er for stor', en: 'The file is too large' },
  no_columns: { da: 'Ingen kolonne med serienummer eller IMEI', en: 'No serial number or IMEI column' },
  cell_count: { da: 'Forkert antal felter', en: 'Wrong number of cells' },
  no_identifier: { da: 'Hverken serienummer eller IMEI (eller kun "System Serial Number")', en: 'Neither serial number nor IMEI (or only "System Serial Number")' },
  bad_imei: { da: 'IMEI kan ikke læses (linjen bruges med serienummeret)', en: 'IMEI unreadable (the line is used by its serial)' },
  bad_check_in: { da: 'Sidste indtjekning kan ikke læses (linjen bruges)', en: 'Last check-in unreadable (the line is used)' },
  too_many_rows: { da: 'For mange linjer; resten er ikke læst', en: 'Too many lines; the rest was not read' },
};

export interface FindingRow {
  reason: keyof typeof reasonLabels | 'retired';
  deviceKey: string;
  status: string;
  register: string;
  intune: string;
  deviceName: string;
  lastCheckIn: string;
  /** Days since Intune last saw a handed-out device (the unused ones). */
  days: number | null;
  line: number | null;
}

const RETIRED: Label = { da: 'Bortskaffet/bortkommet, stadig i Intune', en: 'Disposed of/lost, still in Intune' };

/** Every finding as one row with its reason; the screen shows the four lists, the CSV has them all. */
export function reconciliationTables(result: Reconciliation, problems: readonly IntuneProblem[], names: FleetNames) {
  const people = namedValues(names.employees);
  const models = namedValues(names.models);
  const nameOf = (id: string | undefined, values: Record<string, Label>) => (id ? (values[id]?.da ?? id) : '');
  const fromIntune = (row: IntuneRow | undefined) => ({ deviceName: row?.deviceName ?? '', lastCheckIn: row?.lastCheckIn ?? '', days: null, line: row?.line ?? null });
  const rows: FindingRow[] = [
    ...result.retiredButEnrolled.map((r) => ({ reason: 'retired' as const, deviceKey: r.key, status: r.status, register: '', intune: r.intune.user ?? '', ...fromIntune(r.intune) })),
    // Not in the register, so no key of its own: its IMEI or serial, read as a key would be, in the
    // device column, and what Intune says of it (its primary user) where every other row has it.
    ...result.onlyInIntune.map((r) => ({ reason: 'not_in_register' as const, deviceKey: deviceKeyFor(r) ?? '', status: '', register: '', intune: r.user ?? '', ...fromIntune(r) })),
    ...result.unused.map((r) => ({ reason: r.reason, deviceKey: r.key, status: 'assigned', register: '', intune: r.intune?.user ?? '', ...fromIntune(r.intune), days: r.daysSinceCheckIn ?? null })),
    ...result.differing.flatMap((r) =>
      r.differences.map((d) => {
        const values = d.field === 'holder' ? people : models;
        return { reason: d.field, deviceKey: r.key, status: 'assigned', register: nameOf(d.register, values), intune: nameOf(d.intune, values), ...fromIntune(r.intune) };
      }),
    ),
  ];
  const findings: ReportTable<FindingRow> = {
    id: 'intune-findings',
    title: { da: 'Afvigelser mellem registret og Intune', en: 'Differences between the register and Intune' },
    columns: [
      { key: 'reason', label: { da: 'Årsag', en: 'Reason' }, type: 'text', values: { ...reasonLabels, retired: RETIRED } },
      { key: 'deviceKey', ...deviceKey },
      { key: 'status', label: { da: 'Status i registret', en: 'Status in the register' }, type: 'text', values: statusLabels },
      { key: 'register', label: { da: 'Registret siger', en: 'The register says' }, type: 'text' },
      { key: 'intune', label: { da: 'Intune siger', en: 'Intune says' }, type: 'text' },
      { key: 'deviceName', label: { da: 'Enhedsnavn i Intune', en: 'Device name in Intune' }, type: 'text' },
      { key: 'lastCheckIn', label: { da: 'Sidste indtjekning', en: 'Last check-in' }, type: 'text' },
      { key: 'days', label: { da: 'Dage siden', en: 'Days since' }, type: 'integer' },
      { key: 'line', label: { da: 'Linje i filen', en: 'Line in the file' }, type: 'integer' },
    ],
    rows,
  };
  const problemTable: ReportTable<IntuneProblem> = {
    id: 'intune-problems',
    title: { da: 'Linjer i filen med fejl', en: 'Lines of the file with problems' },
    columns: [
      { key: 'line', label: { da: 'Linje', en: 'Line' }, type: 'integer' },
      { key: 'code', label: { da: 'Problem', en: 'Problem' }, type: 'text', values: intuneProblemLabels },
      { key: 'text', label: { da: 'Indhold', en: 'Content' }, type: 'text' },
    ],
    rows: problems,
  };
  return { findings, problems: problemTable };
}

import { kindLabels, statusLabels, type Label } from '../reports/labels';
import { namedValues, type ReportTable } from '../reports/tables';
import { count, deviceKey, type FleetNames } from './tables';
import type { HandedOutUnused, IdleDevice, UnusedDepartment, UnusedGroup, UnusedReport } from './unused';

/** "Unused and idle devices" as `ReportTable`s: the screen, the printout and the CSV show the same rows. */

export interface UnusedNames extends FleetNames {
  locations: Iterable<readonly [string, string]>;
}

const NEVER_HANDED_OUT: Label = { da: '(aldrig udleveret)', en: '(never handed out)' };
const UNKNOWN: Label = { da: '(ukendt)', en: '(unknown)' };
const kind = { label: { da: 'Type', en: 'Kind' }, type: 'text', values: { ...kindLabels, '': UNKNOWN } } as const;

export function unusedTables(report: UnusedReport, names: UnusedNames) {
  const departments = { ...namedValues(names.departments), '': NEVER_HANDED_OUT };
  const model = { label: { da: 'Model', en: 'Model' }, type: 'text', values: { ...namedValues(names.models), '': UNKNOWN } } as const;
  const department = { label: { da: 'Forvaltning', en: 'Department' }, type: 'text', values: departments } as const;
  // A device on the shelf has no holder: it stands under the department that gave it back.
  const lastDepartment = { ...department, label: { da: 'Senest udleveret til', en: 'Last handed out to' } } as const;
  const summary: ReportTable<UnusedDepartment> = {
    id: 'unused-departments',
    title: { da: 'Pr. forvaltning', en: 'By department' },
    columns: [
      { key: 'department', ...department },
      { key: 'idle', label: { da: `På lager over ${report.idleDays} dage`, en: `In stock over ${report.idleDays} days` }, type: 'integer' },
      { key: 'unused', label: { da: 'Udleveret, men ubrugt', en: 'Handed out but unused' }, type: 'integer' },
      { key: 'total', label: { da: 'I alt', en: 'Total' }, type: 'integer' },
    ],
    rows: report.departments,
  };
  const idleGroups: ReportTable<UnusedGroup> = {
    id: 'idle-groups',
    title: { da: `På lager over ${report.idleDays} dage, pr. forvaltning og model`, en: `In stock over ${report.idleDays} days, by department and model` },
    columns: [
      { key: 'department', ...lastDepartment },
      { key: 'kind', ...kind },
      { key: 'model', ...model },
      { key: 'count', ...count },
      { key: 'longestDays', label: { da: 'Længst (dage)', en: 'Longest (days)' }, type: 'integer' },
    ],
    rows: report.idleGroups,
  };
  const unusedGroups: ReportTable<UnusedGroup> = {
    id: 'unused-groups',
    title: { da: 'Udleveret, men ubrugt ifølge Intune, pr. forvaltning og model', en: 'Handed out but unused according to Intune, by department and model' },
    columns: [{ key: 'department', ...department }, { key: 'kind', ...kind }, { key: 'model', ...model }, { key: 'count', ...count }],
    rows: report.unusedGroups,
  };
  const idleDevices: ReportTable<IdleDevice> = {
    id: 'idle-devices',
    title: { da: 'Enheder på lager over grænsen', en: 'Devices in stock over the limit' },
    columns: [
      { key: 'deviceKey', ...deviceKey },
      { key: 'department', ...lastDepartment },
      { key: 'kind', ...kind },
      { key: 'model', ...model },
      { key: 'location', label: { da: 'Lokation', en: 'Location' }, type: 'text', values: { ...namedValues(names.locations), '': UNKNOWN } },
      { key: 'status', label: { da: 'Status', en: 'Status' }, type: 'text', values: statusLabels },
      { key: 'sinceDay', label: { da: 'Siden', en: 'Since' }, type: 'date' },
      { key: 'daysIdle', label: { da: 'Dage', en: 'Days' }, type: 'integer' },
    ],
    rows: report.idle,
  };
  const unusedDevices: ReportTable<HandedOutUnused> = {
    id: 'unused-devices',
    title: { da: 'Udleverede enheder, der ikke bruges', en: 'Handed-out devices not in use' },
    columns: [
      { key: 'deviceKey', ...deviceKey },
      { key: 'department', ...department },
      { key: 'kind', ...kind },
      { key: 'model', ...model },
      { key: 'employeeId', label: { da: 'Medarbejder', en: 'Employee' }, type: 'text', values: namedValues(names.employees) },
    ],
    rows: report.unused,
  };
  return { summary, idleGroups, unusedGroups, idleDevices, unusedDevices };
}

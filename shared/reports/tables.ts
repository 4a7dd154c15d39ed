import { identifierOf } from '../domain/device-key';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import type { DailyStockReport, HandoutSummary, IdleRow, MovementRow, MovementTotal, RepairRow, StockRow } from './daily-stock';
import { financeExport, type DepartmentBillingReport, type DepartmentBillingRow, type FinanceExportRow, type HoldingRow } from './department-billing';
import { kindLabels, movementLabels, statusLabels, type Label, type Language } from './labels';
import type { TrendReport, TrendRow } from './trends';

/**
 * Every report as tables of plain rows with typed columns: the screen, the printout and the CSV
 * export render the same tables, so a figure cannot differ between them.
 *
 * Column types and their values: `text`; `integer`; `decimal` (a fraction); `money` (whole øre,
 * shown in kroner); `percent` (a fraction 0..1, shown ×100); `date` (a `LocalDate`). A column with
 * `values` holds codes (status, kind, movement, department, employee) shown by their label;
 * `device` a device key, shown as its IMEI or serial (`identifierOf`), kept whole in a machine export.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'device';

export interface Column<Row> {
  key: keyof Row & string;
  label: Label;
  type: ColumnType;
  values?: Readonly<Record<string, Label>>;
  /**
   * The header of a machine export (`header: 'key'`) when the key will not do: the finance
   * system's import reads Danish names that say the unit (`Beløb (kr.)`), never `amountOre` over
   * values in kroner — an import trusting such a header is off by a factor of 100.
   */
  exportHeader?: string;
  /** Codes the screen and the printout mark as a warning (amber) or an error (red), e.g. low stock. */
  tones?: Readonly<Record<string, 'warning' | 'error'>>;
}

export interface ReportTable<Row> {
  id: string;
  title: Label;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
}

const kind = { label: { da: 'Type', en: 'Kind' }, type: 'text', values: kindLabels } as const;
const model = { label: { da: 'Model', en: 'Model' }, type: 'text' } as const;
const status = { label: { da: 'Status', en: 'Status' }, type: 'text', values: statusLabels } as const;
const count = { label: { da: 'Antal', en: 'Count' }, type: 'integer' } as const;
const deviceKey = { label: { da: 'IMEI/serienr.', en: 'IMEI/serial no.' }, type: 'device' } as const;
const department = { label: { da: 'Forvaltning', en: 'Department' }, type: 'text' } as const;

export function dailyStockTables(report: DailyStockReport): {
  stock: ReportTable<StockRow>;
  movements: ReportTable<MovementRow>;
  movementTotals: ReportTable<MovementTotal>;
  inRepair: ReportTable<RepairRow>;
  idle: ReportTable<IdleRow>;
  handouts: ReportTable<HandoutSummary>;
} {
  const movement = { key: 'type', label: { da: 'Bevægelse', en: 'Movement' }, type: 'text', values: movementLabels } as const;
  return {
    stock: {
      id: 'stock',
      title: { da: 'Lager ved dagens slutning', en: 'Stock at the end of the day' },
      columns: [{ key: 'kind', ...kind }, { key: 'model', ...model }, { key: 'status', ...status }, { key: 'count', ...count }],
      rows: report.stock,
    },
    movements: {
      id: 'movements',
      title: { da: 'Dagens bevægelser', en: "The day's movements" },
      columns: [movement, { key: 'operator', label: { da: 'Medarbejder', en: 'Operator' }, type: 'text' }, { key: 'count', ...count }],
      rows: report.movements,
    },
    movementTotals: {
      id: 'movement-totals',
      title: { da: 'Bevægelser i alt', en: 'Movements in total' },
      columns: [movement, { key: 'count', ...count }],
      rows: report.movementTotals,
    },
    inRepair: {
      id: 'in-repair',
      title: { da: 'Til reparation', en: 'In repair' },
      columns: [
        { key: 'deviceKey', ...deviceKey },
        { key: 'kind', ...kind },
        { key: 'model', ...model },
        { key: 'vendor', label: { da: 'Værksted', en: 'Repair vendor' }, type: 'text' },
        { key: 'ticket', label: { da: 'Sag', en: 'Ticket' }, type: 'text' },
        { key: 'sinceDay', label: { da: 'Sendt', en: 'Sent' }, type: 'date' },
        { key: 'daysOut', label: { da: 'Dage væk', en: 'Days out' }, type: 'integer' },
      ],
      rows: report.inRepair,
    },
    idle: {
      id: 'idle',
      title: { da: `På lager over ${report.idleDays} dage`, en: `In stock over ${report.idleDays} days` },
      columns: [
        { key: 'deviceKey', ...deviceKey },
        { key: 'kind', ...kind },
        { key: 'model', ...model },
        { key: 'status', ...status },
        { key: 'sinceDay', label: { da: 'Siden', en: 'Since' }, type: 'date' },
        { key: 'daysIdle', label: { da: 'Dage', en: 'Days' }, type: 'integer' },
      ],
      rows: report.idle,
    },
    handouts: {
      id: 'handouts',
      title: { da: 'Udleveringer: nye og genbrugte', en: 'Handouts: new and reused' },
      columns: [
        { key: 'total', label: { da: 'Udleveret', en: 'Handed out' }, type: 'integer' },
        { key: 'new', label: { da: 'Nye', en: 'New' }, type: 'integer' },
        { key: 'reused', label: { da: 'Genbrugte', en: 'Reused' }, type: 'integer' },
        { key: 'reusedShare', label: { da: 'Genbrug (%)', en: 'Reused (%)' }, type: 'percent' },
      ],
      rows: [report.handouts],
    },
  };
}

/** People read names: a column of ids (departments, employees, models) shows each one's name. */
export function namedValues(names: Iterable<readonly [string, string]>): Record<string, Label> {
  return Object.fromEntries([...names].map(([id, name]) => [id, { da: name, en: name }]));
}

export function departmentBillingTables(report: DepartmentBillingReport): {
  departments: ReportTable<DepartmentBillingRow>;
  holdings: ReportTable<HoldingRow>;
  finance: ReportTable<FinanceExportRow>;
} {
  const amount = { label: { da: 'Beløb (kr.)', en: 'Amount (DKK)' }, type: 'money' } as const;
  const departmentNames = namedValues(report.departments.map((d) => [d.department, d.name]));
  const employeeNames = namedValues(Object.entries(report.employeeNames ?? {}));
  return {
    departments: {
      id: 'departments',
      title: { da: `Abonnement pr. forvaltning, ${report.period}`, en: `Subscription by department, ${report.period}` },
      columns: [
        { key: 'department', ...department },
        { key: 'name', label: { da: 'Navn', en: 'Name' }, type: 'text' },
        { key: 'devicesAtStart', label: { da: 'Enheder ved start', en: 'Devices at start' }, type: 'integer' },
        { key: 'devicesAtEnd', label: { da: 'Enheder ved slut', en: 'Devices at end' }, type: 'integer' },
        { key: 'devicesHeld', label: { da: 'Enheder i perioden', en: 'Devices in the period' }, type: 'integer' },
        { key: 'deviceDays', label: { da: 'Enhedsdage', en: 'Device-days' }, type: 'integer' },
        { key: 'averageDevices', label: { da: 'Gns. enheder', en: 'Average devices' }, type: 'decimal' },
        { key: 'amountOre', ...amount },
      ],
      rows: report.departments,
    },
    holdings: {
      id: 'holdings',
      title: { da: `Specifikation, ${report.period}`, en: `Specification, ${report.period}` },
      columns: [
        { key: 'department', ...department, values: departmentNames },
        { key: 'deviceKey', ...deviceKey },
        { key: 'kind', ...kind },
        { key: 'model', ...model },
        { key: 'employeeId', label: { da: 'Medarbejder', en: 'Employee' }, type: 'text', values: employeeNames },
        { key: 'firstDay', label: { da: 'Fra', en: 'From' }, type: 'date' },
        { key: 'lastDay', label: { da: 'Til', en: 'To' }, type: 'date' },
        { key: 'days', label: { da: 'Dage', en: 'Days' }, type: 'integer' },
        { key: 'amountOre', ...amount },
      ],
      rows: report.holdings,
    },
    finance: {
      id: 'finance',
      title: { da: `Til økonomisystemet, ${report.period}`, en: `For the finance system, ${report.period}` },
      // Danish headers whatever the operator's language: they are the finance import's column names.
      columns: [
        { key: 'period', label: { da: 'Periode', en: 'Period' }, type: 'text', exportHeader: 'Periode' },
        { key: 'firstDay', label: { da: 'Fra', en: 'From' }, type: 'date', exportHeader: 'Fra dato' },
        { key: 'lastDay', label: { da: 'Til', en: 'To' }, type: 'date', exportHeader: 'Til dato' },
        { key: 'departmentId', ...department, exportHeader: 'Forvaltningskode' },
        { key: 'departmentName', label: { da: 'Navn', en: 'Name' }, type: 'text', exportHeader: 'Forvaltning' },
        { key: 'kind', ...kind, exportHeader: 'Enhedstype' },
        { key: 'text', label: { da: 'Tekst', en: 'Text' }, type: 'text', exportHeader: 'Fakturatekst' },
        { key: 'devicesAtEnd', label: { da: 'Enheder ved slut', en: 'Devices at end' }, type: 'integer', exportHeader: 'Enheder ved periodens slut' },
        { key: 'deviceDays', label: { da: 'Enhedsdage', en: 'Device-days' }, type: 'integer', exportHeader: 'Enhedsdage' },
        { key: 'pricePerYearOre', label: { da: 'Pris pr. år (kr.)', en: 'Price per year (DKK)' }, type: 'money', exportHeader: 'Pris pr. år (kr.)' },
        { key: 'amountOre', ...amount, exportHeader: 'Beløb (kr.)' },
      ],
      rows: financeExport(report),
    },
  };
}

export function trendTable(report: TrendReport): ReportTable<TrendRow> {
  return {
    id: 'trend',
    title: { da: 'Lager og udleveringer pr. dag', en: 'Stock and handouts per day' },
    columns: [
      { key: 'day', label: { da: 'Dag', en: 'Day' }, type: 'date' },
      { key: 'received', label: statusLabels.received, type: 'integer' },
      { key: 'ready', label: statusLabels.ready, type: 'integer' },
      { key: 'returned', label: statusLabels.returned, type: 'integer' },
      { key: 'inStock', label: { da: 'På lager', en: 'In stock' }, type: 'integer' },
      { key: 'handedOutNew', label: { da: 'Udleveret, nye', en: 'Handed out, new' }, type: 'integer' },
      { key: 'handedOutReused', label: { da: 'Udleveret, genbrugte', en: 'Handed out, reused' }, type: 'integer' },
    ],
    rows: report.rows,
  };
}

export interface TableCsvOptions extends CsvOptions {
  language: Language;
  /**
   * `label` (default): headers and codes in the language, for people. `key`: the columns' export
   * headers (else their keys) and raw codes, stable for a finance import whatever the operator's language.
   */
  header?: 'label' | 'key';
}

/** A table as CSV (UTF-8 with BOM, `;`, CRLF). Money in kroner with two decimals, percentages ×100 with one. */
export function tableToCsv<Row>(table: ReportTable<Row>, options: TableCsvOptions): string {
  const { language, header = 'label', ...csv } = options;
  const head = table.columns.map((column) => (header === 'key' ? (column.exportHeader ?? column.key) : column.label[language]));
  const rows = table.rows.map((row) =>
    table.columns.map((column) => csvCell(column, row[column.key], header === 'key' ? null : language)),
  );
  return toCsv(head, rows, csv);
}

function csvCell<Row>(column: Column<Row>, value: unknown, language: Language | null): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (column.type === 'money') return { minor: Math.round(value), scale: 2 };
    if (column.type === 'percent') return { minor: Math.round(value * 1000), scale: 1 };
    return value;
  }
  if (typeof value === 'string' && column.type === 'device') return language ? identifierOf(value) : value;
  if (typeof value === 'string') return (language && column.values?.[value]?.[language]) || value;
  if (typeof value === 'boolean') return value;
  return String(value);
}

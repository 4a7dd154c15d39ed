import type { ResidualChargeReason } from '../fleet/charge-events';
import type { ResidualCharge } from '../fleet/residual-charges';
import type { LocalDate } from './calendar';
import type { DepartmentBillingReport, HoldingRow } from './department-billing';
import type { Label } from './labels';
import { departmentBillingTables, namedValues, type ReportTable } from './tables';

/**
 * One department's statement for a quarter: what finance sends with the invoice. Its lines are the
 * department report's own (`department-billing.ts`: the devices it held, the days, the
 * subscription of each) and the residual-value charges (`shared/fleet/residual-charges.ts`), so
 * the statement adds up to the department's invoice line to the øre.
 */
export interface DepartmentStatement {
  department: string;
  name: string;
  period: string;
  firstDay: LocalDate;
  lastDay: LocalDate;
  daysInQuarter: number;
  /** The quarter is still running: the subscription is a forecast to its end. */
  forecast: boolean;
  lines: HoldingRow[];
  devicesHeld: number;
  devicesAtEnd: number;
  deviceDays: number;
  subscriptionOre: number;
  charges: ResidualCharge[];
  /** Charges whose device has no purchase date or price: not in the total, listed to be priced. */
  unpricedCharges: number;
  chargesOre: number;
  totalOre: number;
  employeeNames: Record<string, string>;
}

export function departmentStatement(
  billing: DepartmentBillingReport,
  charges: readonly ResidualCharge[],
  department: string,
  today: LocalDate,
): DepartmentStatement {
  const row = billing.departments.find((d) => d.department === department);
  const own = charges.filter((charge) => charge.department === department);
  const lines = billing.holdings.filter((line) => line.department === department);
  // The names of its own lines' and charges' employees only: the statement goes to the department.
  const named = new Set([...lines, ...own].map((line) => line.employeeId));
  const chargesOre = own.reduce((sum, charge) => sum + (charge.residualOre ?? 0), 0);
  const subscriptionOre = row?.amountOre ?? 0;
  return {
    department,
    name: row?.name ?? department,
    period: billing.period,
    firstDay: billing.firstDay,
    lastDay: billing.lastDay,
    daysInQuarter: billing.daysInQuarter,
    forecast: today < billing.lastDay,
    lines,
    devicesHeld: row?.devicesHeld ?? 0,
    devicesAtEnd: row?.devicesAtEnd ?? 0,
    deviceDays: row?.deviceDays ?? 0,
    subscriptionOre,
    charges: own,
    unpricedCharges: own.filter((charge) => charge.residualOre === null).length,
    chargesOre,
    totalOre: subscriptionOre + chargesOre,
    employeeNames: Object.fromEntries(Object.entries(billing.employeeNames ?? {}).filter(([employee]) => named.has(employee))),
  };
}

export type StatementItem = 'devices_held' | 'devices_at_end' | 'device_days' | 'subscription' | 'charges' | 'total';

export interface StatementTotalRow {
  item: StatementItem;
  count: number | null;
  amountOre: number | null;
}

const itemLabels: Readonly<Record<StatementItem, Label>> = {
  devices_held: { da: 'Enheder i kvartalet', en: 'Devices in the quarter' },
  devices_at_end: { da: 'Enheder ved kvartalets slutning', en: 'Devices at the quarter’s end' },
  device_days: { da: 'Enhedsdage', en: 'Device-days' },
  subscription: { da: 'Abonnement', en: 'Subscription' },
  charges: { da: 'Restværdi for bortkomne og beskadigede enheder', en: 'Residual value of lost and damaged devices' },
  total: { da: 'I alt til betaling', en: 'Total payable' },
};

const chargeReasonLabels: Readonly<Record<ResidualChargeReason, Label>> = {
  lost: { da: 'Bortkommet', en: 'Lost' },
  damaged: { da: 'Returneret beskadiget', en: 'Returned damaged' },
};

/** The statement as tables: its totals, its device lines (the department report's own) and its charges. */
export function departmentStatementTables(statement: DepartmentStatement, billing: DepartmentBillingReport, models: Iterable<readonly [string, string]>) {
  const money = { label: { da: 'Beløb (kr.)', en: 'Amount (DKK)' }, type: 'money', exportHeader: 'Beløb (kr.)' } as const;
  const totals: ReportTable<StatementTotalRow> = {
    id: 'statement-totals',
    title: { da: `Opgørelse, ${statement.period}`, en: `Statement, ${statement.period}` },
    columns: [
      { key: 'item', label: { da: 'Post', en: 'Item' }, type: 'text', values: itemLabels },
      { key: 'count', label: { da: 'Antal', en: 'Count' }, type: 'integer' },
      { key: 'amountOre', ...money },
    ],
    rows: [
      { item: 'devices_held', count: statement.devicesHeld, amountOre: null },
      { item: 'devices_at_end', count: statement.devicesAtEnd, amountOre: null },
      { item: 'device_days', count: statement.deviceDays, amountOre: null },
      { item: 'subscription', count: statement.lines.length, amountOre: statement.subscriptionOre },
      { item: 'charges', count: statement.charges.length, amountOre: statement.chargesOre },
      { item: 'total', count: null, amountOre: statement.totalOre },
    ],
  };
  const billingTables = departmentBillingTables({ ...billing, holdings: statement.lines });
  const modelNames = namedValues(models);
  const lines: ReportTable<HoldingRow> = {
    ...billingTables.holdings,
    id: 'statement-devices',
    title: { da: `Enheder og dage, ${statement.period}`, en: `Devices and days, ${statement.period}` },
    columns: billingTables.holdings.columns.filter((column) => column.key !== 'department').map((column) => (column.key === 'model' ? { ...column, values: modelNames } : column)),
  };
  const employees = namedValues(Object.entries(statement.employeeNames));
  const charges: ReportTable<ResidualCharge> = {
    id: 'statement-charges',
    title: { da: 'Restværdi (bortkommet eller beskadiget)', en: 'Residual value (lost or damaged)' },
    columns: [
      { key: 'deviceKey', label: { da: 'IMEI/serienr.', en: 'IMEI/serial no.' }, type: 'device' },
      { key: 'model', label: { da: 'Model', en: 'Model' }, type: 'text', values: modelNames },
      { key: 'employeeId', label: { da: 'Medarbejder', en: 'Employee' }, type: 'text', values: employees },
      { key: 'day', label: { da: 'Dato', en: 'Date' }, type: 'date' },
      { key: 'reason', label: { da: 'Årsag', en: 'Reason' }, type: 'text', values: chargeReasonLabels },
      { key: 'purchaseDate', label: { da: 'Købsdato', en: 'Purchase date' }, type: 'date' },
      { key: 'purchasePriceOre', label: { da: 'Købspris (kr.)', en: 'Purchase price (DKK)' }, type: 'money', exportHeader: 'Købspris (kr.)' },
      { key: 'residualOre', label: { da: 'Restværdi (kr.)', en: 'Residual value (DKK)' }, type: 'money', exportHeader: 'Restværdi (kr.)' },
    ],
    rows: statement.charges,
  };
  return { totals, lines, charges };
}

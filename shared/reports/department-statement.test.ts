import { describe, expect, it } from 'vitest';
import { residualCharges } from '../fleet/residual-charges';
import { departmentBilling } from './department-billing';
import { departmentStatement, departmentStatementTables } from './department-statement';
import { projectDevices } from './history';
import { imei, keyOf, lifeOf, merge } from './scenario.test-support';
import { defaultReportSettings } from './settings';
import { tableToCsv } from './tables';

const phone = (n: number) => ({ kind: 'phone', model: 'iphone-13', imei: imei(n) }) as const;
const out = (department: string, at = '2026-10-01T08:00:00.000Z') => [
  { type: 'received', at: '2026-09-01T08:00:00.000Z' },
  { type: 'prepared', at: '2026-09-02T08:00:00.000Z' },
  { type: 'handed_out', at, data: { department } },
] as const;

const lives = {
  // Bought 1 October 2024 for 4.800 kr., lost on 10 November 2026: 25 months gone, 23 of 48 left.
  lost: lifeOf(phone(1), [
    { type: 'received', at: '2026-09-01T08:00:00.000Z', data: { purchaseDate: '2024-10-01', purchasePrice: 480_000 } },
    { type: 'prepared', at: '2026-09-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-10-01T08:00:00.000Z', data: { department: 'BUF' } },
    { type: 'reported_lost', at: '2026-11-10T10:00:00.000Z' },
  ]),
  // Returned damaged, no purchase price known: listed, not in the total.
  damaged: lifeOf(phone(2), [...out('BUF'), { type: 'returned', at: '2026-11-20T10:00:00.000Z', data: { condition: 'damaged' } }]),
  // Returned defective (the device's own fault): no charge.
  defective: lifeOf(phone(3), [...out('BUF'), { type: 'returned', at: '2026-11-21T10:00:00.000Z', data: { condition: 'defective' } }]),
  // Another department's loss, and one undone: neither on BUF's statement.
  otherLost: lifeOf(phone(4), [...out('SOF'), { type: 'reported_lost', at: '2026-11-22T10:00:00.000Z' }]),
  undoneLoss: lifeOf(phone(5), [...out('BUF'), { type: 'reported_lost', at: '2026-11-23T10:00:00.000Z' }, { type: 'undo', at: '2026-11-23T10:05:00.000Z' }]),
  // Lost last quarter: not this quarter's charge.
  lostBefore: lifeOf(phone(6), [...out('BUF', '2026-07-01T08:00:00.000Z'), { type: 'reported_lost', at: '2026-09-20T10:00:00.000Z' }]),
};
const events = merge(...Object.values(lives));
const devices = projectDevices(events);
const quarter = { year: 2026, quarter: 4 };

describe('residual-value charges', () => {
  const { charges } = residualCharges(devices, events, quarter, defaultReportSettings);

  it('charges a department the residual value of a device lost or returned damaged while it held it, on that day', () => {
    expect(charges).toEqual([
      { department: 'BUF', deviceKey: keyOf(phone(1)), model: 'iphone-13', employeeId: 'E1001', day: '2026-11-10', reason: 'lost', purchaseDate: '2024-10-01', purchasePriceOre: 480_000, residualOre: 230_000 },
      { department: 'BUF', deviceKey: keyOf(phone(2)), model: 'iphone-13', employeeId: 'E1001', day: '2026-11-20', reason: 'damaged', purchaseDate: null, purchasePriceOre: null, residualOre: null },
      { department: 'SOF', deviceKey: keyOf(phone(4)), model: 'iphone-13', employeeId: 'E1001', day: '2026-11-22', reason: 'lost', purchaseDate: null, purchasePriceOre: null, residualOre: null },
    ]);
  });
});

describe('the department statement', () => {
  const billing = departmentBilling(devices, events, { quarter });
  const { charges } = residualCharges(devices, events, quarter, defaultReportSettings);
  const statement = departmentStatement(billing, charges, 'BUF', '2027-01-05');

  it('has the department’s own lines of the department report, so it adds up to its invoice line', () => {
    const row = billing.departments.find((d) => d.department === 'BUF');
    expect(statement.lines.every((line) => line.department === 'BUF')).toBe(true);
    expect(statement.lines.map((line) => line.deviceKey).sort()).toEqual([1, 2, 3, 5].map((n) => keyOf(phone(n))).sort());
    expect(statement.subscriptionOre).toBe(row?.amountOre);
    expect(statement.subscriptionOre).toBe(statement.lines.reduce((sum, line) => sum + line.amountOre, 0));
    expect([statement.devicesHeld, statement.deviceDays, statement.forecast]).toEqual([row?.devicesHeld, row?.deviceDays, false]);
  });

  it('adds the priced charges to the total and counts the unpriced ones', () => {
    expect(statement.charges.map((c) => c.reason)).toEqual(['lost', 'damaged']);
    expect([statement.chargesOre, statement.unpricedCharges]).toEqual([230_000, 1]);
    expect(statement.totalOre).toBe(statement.subscriptionOre + 230_000);
  });

  it('prints names and identifiers, and exports kroner under Danish headers', () => {
    const named = departmentStatement({ ...billing, employeeNames: { E1001: 'Søren Ærø' } }, charges, 'BUF', '2026-12-01');
    expect(named.forecast).toBe(true);
    const tables = departmentStatementTables(named, billing, [['iphone-13', 'Apple iPhone 13']]);
    const csv = tableToCsv(tables.charges, { language: 'da' });
    expect(csv).toContain(`${imei(1)};Apple iPhone 13;Søren Ærø;2026-11-10;Bortkommet;2024-10-01;4800,00;2300,00`);
    expect(csv).not.toContain('imei:');
    expect(tableToCsv(tables.totals, { language: 'da', header: 'key' }).split('\r\n')[0]).toBe('\uFEFFitem;count;Beløb (kr.)');
    expect(tables.lines.columns.map((c) => c.key)).not.toContain('department');
  });

  it('names only its own employees: the bill names every department’s, the statement goes to one', () => {
    // SOF's holder is another employee on the bill; BUF's holders are all E1001.
    const bill = { ...billing, holdings: billing.holdings.map((line) => (line.department === 'SOF' ? { ...line, employeeId: 'E2002' } : line)) };
    const named = departmentStatement({ ...bill, employeeNames: { E1001: 'Søren Ærø', E2002: 'Åse Lund' } }, charges, 'BUF', '2026-12-01');
    expect(named.employeeNames).toEqual({ E1001: 'Søren Ærø' });
  });
});

import { describe, expect, it } from 'vitest';
import { dailyStockReport } from './daily-stock';
import { departmentBilling } from './department-billing';
import { formatCell, formatDay } from './format';
import { projectDevices } from './history';
import { imei, lifeOf, merge } from './scenario.test-support';
import { dailyStockTables, departmentBillingTables, tableToCsv, trendTable, type Column } from './tables';
import { dailyTrends } from './trends';

const events = merge(
  lifeOf({ kind: 'phone', model: 'iPhone 13', imei: imei(1) }, [
    { type: 'received', at: '2026-11-01T08:00:00.000Z' },
    { type: 'prepared', at: '2026-11-02T08:00:00.000Z' },
    { type: 'handed_out', at: '2026-11-24T09:00:00.000Z', operator: 'ÆØ', data: { department: 'ØKF' } },
    { type: 'returned', at: '2026-11-24T10:00:00.000Z', operator: 'ÆØ' },
    { type: 'prepared', at: '2026-11-24T11:00:00.000Z', operator: 'ÆØ' },
    { type: 'handed_out', at: '2026-11-24T12:00:00.000Z', operator: 'ÆØ', data: { department: 'ØKF' } },
  ]),
  lifeOf({ kind: 'tablet', model: 'iPad 10', imei: imei(2) }, [{ type: 'received', at: '2026-11-24T08:00:00.000Z' }]),
  lifeOf({ kind: 'phone', model: 'iPhone 13', imei: imei(3) }, [
    { type: 'received', at: '2025-12-01T08:00:00.000Z' },
    { type: 'prepared', at: '2025-12-01T08:00:00.000Z' },
    { type: 'handed_out', at: '2025-12-02T08:00:00.000Z', data: { department: 'BUF' } },
  ]),
);
const devices = projectDevices(events);
const daily = dailyStockTables(dailyStockReport(devices, events, { location: 'KVIK-NORD', day: '2026-11-24' }));

describe('report tables as CSV', () => {
  it('writes the stock in Danish with translated codes', () => {
    expect(tableToCsv(daily.stock, { language: 'da' })).toBe('\uFEFFType;Model;Status;Antal\r\nTablet;iPad 10;På lager (ikke klargjort);1\r\n');
    expect(tableToCsv(daily.stock, { language: 'en' })).toBe('\uFEFFKind;Model;Status;Count\r\nTablet;iPad 10;In stock (not prepared);1\r\n');
  });

  it('writes column keys and raw codes for machines', () => {
    expect(tableToCsv(daily.stock, { language: 'da', header: 'key', bom: false })).toBe('kind;model;status;count\r\ntablet;iPad 10;received;1\r\n');
  });

  it('writes the movements and the reuse share as a percentage', () => {
    expect(tableToCsv(daily.movements, { language: 'da', bom: false })).toBe(
      'Bevægelse;Medarbejder;Antal\r\nModtaget;AB;1\r\nKlargjort;ÆØ;1\r\nUdleveret;ÆØ;2\r\nReturneret;ÆØ;1\r\n',
    );
    // The first handout was new, the second (after the return) reused: 50 %.
    expect(tableToCsv(daily.handouts, { language: 'da', bom: false })).toBe('Udleveret;Nye;Genbrugte;Genbrug (%)\r\n2;1;1;50,0\r\n');
  });

  it("shows the specification with names and the device's IMEI, never raw keys; a machine export keeps the ids", () => {
    const report = departmentBilling(devices, events, { quarter: { year: 2026, quarter: 1 } });
    const holdings = departmentBillingTables({ ...report, employeeNames: { E1001: 'Søren Ærø' } }).holdings;
    const line = tableToCsv(holdings, { language: 'da', bom: false }).split('\r\n')[1];
    expect(line).toBe(`Børne- og Ungdomsforvaltningen;${imei(3)};Telefon;iPhone 13;Søren Ærø;2026-01-01;2026-03-31;90;100,00`);
    const row = holdings.rows[0];
    const cell = (key: string) => formatCell(holdings.columns.find((c) => c.key === key) as Column<unknown>, row?.[key as keyof typeof row], { language: 'da', locale: 'da-DK' });
    expect([cell('department'), cell('deviceKey'), cell('employeeId')]).toEqual(['Børne- og Ungdomsforvaltningen', imei(3), 'Søren Ærø']);
    expect(tableToCsv(holdings, { language: 'da', header: 'key', bom: false }).split('\r\n')[1]).toMatch(new RegExp(`^BUF;imei:${imei(3)};phone;iPhone 13;E1001;`));
  });

  it('writes money in kroner with two decimals and leaves empty cells empty', () => {
    const billing = departmentBillingTables(departmentBilling(devices, events, { quarter: { year: 2026, quarter: 1 } }));
    const csv = tableToCsv(billing.departments, { language: 'da', bom: false }).split('\r\n');
    expect(csv[0]).toBe('Forvaltning;Navn;Enheder ved start;Enheder ved slut;Enheder i perioden;Enhedsdage;Gns. enheder;Beløb (kr.)');
    expect(csv[3]).toBe('BUF;Børne- og Ungdomsforvaltningen;1;1;1;90;1;100,00');
    expect(csv[1]).toBe('BIF;Beskæftigelses- og Integrationsforvaltningen;0;0;0;0;0;0,00');
    expect(tableToCsv(billing.finance, { language: 'da', header: 'key', bom: false })).toBe(
      'Periode;Fra dato;Til dato;Forvaltningskode;Forvaltning;Enhedstype;Fakturatekst;Enheder ved periodens slut;Enhedsdage;Pris pr. år (kr.);Beløb (kr.)\r\n' +
        '2026-Q1;2026-01-01;2026-03-31;BUF;Børne- og Ungdomsforvaltningen;phone;Abonnement telefoner, 1. kvartal 2026;1;90;400,00;100,00\r\n',
    );
    const empty = tableToCsv(dailyStockTables(dailyStockReport([], [], { location: 'X', day: '2026-11-24' })).handouts, { language: 'en', bom: false });
    expect(empty).toBe('Handed out;New;Reused;Reused (%)\r\n0;0;0;\r\n');
  });

  it('writes the trend a row a day', () => {
    const trend = trendTable(dailyTrends(devices, events, { location: 'KVIK-NORD', lastDay: '2026-11-24', days: 2 }));
    expect(tableToCsv(trend, { language: 'en', bom: false })).toBe(
      'Day;In stock (not prepared);Ready for handout;Returned (awaiting triage);In stock;Handed out, new;Handed out, reused\r\n2026-11-23;0;1;0;1;0;0\r\n2026-11-24;1;0;0;1;1;1\r\n',
    );
  });
});

describe('cells for people', () => {
  const money: Column<{ a: number }> = { key: 'a', label: { da: 'Beløb', en: 'Amount' }, type: 'money' };
  const share: Column<{ a: number }> = { key: 'a', label: { da: 'Andel', en: 'Share' }, type: 'percent' };
  const day: Column<{ a: string }> = { key: 'a', label: { da: 'Dag', en: 'Day' }, type: 'date' };
  const count: Column<{ a: number }> = { key: 'a', label: { da: 'Antal', en: 'Count' }, type: 'integer' };
  const da = { language: 'da', locale: 'da-DK' } as const;
  const en = { language: 'en', locale: 'en-GB' } as const;

  it('in the operator’s locale', () => {
    expect(formatCell(money, 123_456, da)).toBe('1.234,56\u00a0kr.');
    expect(formatCell(money, 123_456, en)).toBe('DKK\u00a01,234.56');
    expect(formatCell(share, 0.5, da)).toBe('50,0\u00a0%');
    expect(formatCell(share, 0.5, en)).toBe('50.0%');
    expect(formatCell(count, 12_345, da)).toBe('12.345');
    expect(formatCell(day, '2026-11-24', da)).toBe('24.11.2026');
    expect(formatCell(day, '2026-11-24', en)).toBe('24/11/2026');
    expect(formatCell(count, null, da)).toBe('–');
    expect(formatCell(daily.stock.columns[2] as Column<unknown>, 'ready', da)).toBe('Klar til udlevering');
  });

  it('writes a day as the locale writes it, whatever zone the machine is in', () => {
    expect(formatDay('2026-01-01', 'da-DK')).toBe('01.01.2026');
    expect(formatDay('2026-12-31', 'en-US')).toBe('12/31/26');
  });
});

import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../reports/tables';
import { batchItem } from './disposal';
import { summarizeCount, type CountScan, type ExpectedDevice } from './stocktake';
import { countResultTable, manifestTable } from './tables';

const expected = (n: number): ExpectedDevice => ({ key: `imei:35000000000000${n}`, kind: 'phone', label: `35000000000000${n}`, status: 'ready', model: 'IP15' });
const scan = (result: CountScan['result'], label: string, extra: Partial<CountScan> = {}): CountScan => ({ id: `${label}-${result}`, countId: 'OT-1', at: '2026-11-24T09:00:00.000Z', label, result, ...extra });
const names = { model: (id: string) => (id === 'IP15' ? 'iPhone 15' : id), place: (id: string) => (id === 'LAGER' ? 'Centrallager' : id === 'KVIK-RH' ? 'Kvikskranke Rådhuset' : id) };

describe('the count result as a table', () => {
  const summary = summarizeCount({ expected: [expected(1), expected(2)] }, [
    scan('found', expected(1).label, { deviceKey: expected(1).key }),
    scan('unexpected', '350000000000009', { deviceKey: 'imei:350000000000009', kind: 'tablet', was: { status: 'ready', location: 'KVIK-RH' } }),
    scan('unknown', 'XYZ-123'),
  ]);
  const table = countResultTable(summary, 'LAGER', names);

  it('lists what needs doing first: missing, unexpected, unknown, then found, with names', () => {
    expect(table.rows).toEqual([
      { result: 'missing', device: expected(2).label, kind: 'phone', model: 'iPhone 15', status: 'ready', location: 'Centrallager' },
      { result: 'unexpected', device: '350000000000009', kind: 'tablet', model: null, status: 'ready', location: 'Kvikskranke Rådhuset' },
      { result: 'unknown', device: 'XYZ-123', kind: null, model: null, status: null, location: null },
      { result: 'found', device: expected(1).label, kind: 'phone', model: 'iPhone 15', status: 'ready', location: 'Centrallager' },
    ]);
  });

  it('exports as CSV for Danish Excel with the words of the operator', () => {
    const csv = tableToCsv(table, { language: 'da', header: 'label' });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFResultat;Enhed;Type;Model;Status i registret;Lokation i registret');
    expect(csv).toContain(`Mangler;${expected(2).label};Telefon;iPhone 15;Klar til udlevering;Centrallager`);
    expect(csv).toContain('Ukendt;XYZ-123;;;;');
  });
});

describe('the manifest as a table', () => {
  it('gives each device its identifiers, model, erasure method, tool and verifier', () => {
    const device = { key: 'imei:350000000000001', kind: 'phone' as const, imei: '350000000000001', serial: 'F2LX1', model: 'IP15' };
    const item = batchItem(device, { method: 'purge', tool: 'Blancco', toolVersion: '7.4', verified: true, verifiedBy: 'MK', date: '2026-11-20' }, 'MK', '2026-11-24T09:00:00.000Z');
    const table = manifestTable([item], names.model);
    expect(table.rows).toEqual([{ device: '350000000000001', kind: 'phone', model: 'iPhone 15', serial: 'F2LX1', assetTag: null, method: 'purge', tool: 'Blancco 7.4', verifiedBy: 'MK', erasedOn: '2026-11-20' }]);
    expect(tableToCsv(table, { language: 'en', header: 'label' })).toContain('350000000000001;Phone;iPhone 15;F2LX1;;Purge (cryptographic erase);Blancco 7.4;MK;');
  });
});

import { describe, expect, it } from 'vitest';
import { parseReferenceCsv } from './reference-csv';

describe('parseReferenceCsv', () => {
  it('reads Danish-Excel CSV with a BOM, ; and Danish headers', () => {
    const text = '\uFEFFid;navn;forvaltning;e-mail\r\nE1;Søren Ærø;ØKF;s@kk.dk\r\nE2;Åse Øst;BUF;\r\n';
    const result = parseReferenceCsv('employees', text);
    expect(result).toEqual({
      ok: true,
      rows: [
        { id: 'E1', name: 'Søren Ærø', department: 'ØKF', email: 's@kk.dk' },
        { id: 'E2', name: 'Åse Øst', department: 'BUF' },
      ],
    });
  });

  it('reads comma-separated departments with thousands separators in the count', () => {
    const result = parseReferenceCsv('departments', 'id,name,antal\nBUF,Børne- og Ungdomsforvaltningen,3.984\n');
    expect(result).toEqual({ ok: true, rows: [{ id: 'BUF', name: 'Børne- og Ungdomsforvaltningen', devicesJune2023: 3984 }] });
  });

  it('rejects the whole file and names the line of each bad row', () => {
    const text = 'id;name;kind;gtin\nM1;iPhone 15;phone;00194253401001\nM2;Pixel;watch;\nM3;;tablet;\n';
    const result = parseReferenceCsv('models', text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('refuses an empty file', () => {
    expect(parseReferenceCsv('locations', 'id;name;type\n')).toMatchObject({ ok: false });
  });
});

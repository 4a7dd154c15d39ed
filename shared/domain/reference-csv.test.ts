import { describe, expect, it } from 'vitest';
import { parseReferenceCsv, readCsvRows } from './reference-csv';

const rowsOf = <T,>(result: { rows: Array<{ row: T }>; errors: unknown[] }) => (result.errors.length === 0 ? result.rows.map((r) => r.row) : null);

describe('parseReferenceCsv', () => {
  it('reads Danish-Excel CSV with a BOM, ; and Danish headers', () => {
    const text = '\uFEFFid;navn;forvaltning;e-mail\r\nE1;Søren Ærø;ØKF;s@kk.dk\r\nE2;Åse Øst;BUF;\r\n';
    expect(rowsOf(parseReferenceCsv('employees', text))).toEqual([
      { id: 'E1', name: 'Søren Ærø', department: 'ØKF', email: 's@kk.dk' },
      { id: 'E2', name: 'Åse Øst', department: 'BUF' },
    ]);
  });

  it('reads comma-separated departments with a Danish thousands separator in the count', () => {
    expect(rowsOf(parseReferenceCsv('departments', 'id,name,antal\nBUF,Børne- og Ungdomsforvaltningen,3.984\n'))).toEqual([
      { id: 'BUF', name: 'Børne- og Ungdomsforvaltningen', devicesJune2023: 3984 },
    ]);
  });

  it('pads an EAN-13 from a spreadsheet to the 14-digit GTIN a scan gives', () => {
    expect(rowsOf(parseReferenceCsv('models', 'id;name;kind;gtin\nIP15;iPhone 15;phone;5728657070492\n'))).toEqual([
      { id: 'IP15', name: 'iPhone 15', kind: 'phone', gtin: '05728657070492' },
    ]);
  });

  it('reads an "aktiv" column as yes/no; a row without it says nothing about being active', () => {
    expect(rowsOf(parseReferenceCsv('locations', 'id;navn;type;aktiv\nLAGER;Centrallager;warehouse;ja\nGL;Gammelt lager;warehouse;Nej\nKVIK;Kvik;desk;\n'))).toEqual([
      { id: 'LAGER', name: 'Centrallager', type: 'warehouse', active: true },
      { id: 'GL', name: 'Gammelt lager', type: 'warehouse', active: false },
      { id: 'KVIK', name: 'Kvik', type: 'desk' },
    ]);
    expect(parseReferenceCsv('locations', 'id;navn;type;aktiv\nGL;Gammelt lager;warehouse;måske\n').errors[0]).toMatchObject({ problem: 'invalid_value', fields: ['active'] });
  });

  it('rejects the whole file and names the line of each bad row, counting lines inside quoted cells', () => {
    const text = 'id;name;kind;gtin\nM1;iPhone 15;phone;00194253401001\nM2;"Galaxy\nTab";watch;\nM3;;tablet;\nM1;Again;phone;\n';
    const result = parseReferenceCsv('models', text);
    expect(result.errors.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(result.errors[2]?.message).toBe('id M1 is also on line 2');
    expect(result.rows.map((r) => r.line)).toEqual([2, 6]);
  });

  it('refuses unknown and missing columns, and a file without rows', () => {
    expect(parseReferenceCsv('locations', 'id;navn;etage\nA;B;1\n')).toMatchObject({
      errors: [{ line: 1, message: expect.stringMatching(/unknown column\(s\) etage/) }, { line: 1, message: 'missing column(s) type' }],
    });
    expect(parseReferenceCsv('locations', 'id;name;type\n')).toEqual({ rows: [], errors: [{ line: 2, problem: 'no_rows', message: 'no rows to import' }] });
    expect(parseReferenceCsv('locations', '')).toEqual({ rows: [], errors: [{ line: 1, problem: 'empty', message: 'the file is empty' }] });
  });
});

describe('readCsvRows', () => {
  it('gives each row the file line it starts on, past quoted line breaks, blank lines and CRLF', () => {
    const text = '\uFEFFa;b;c\r\n1;"two\r\nlines";c\r\n\r\n;;\r\n3;"x\n\ny";c\n4;z;c\n';
    expect(readCsvRows(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two\nlines', 'c'] },
      { line: 6, cells: ['3', 'x\n\ny', 'c'] },
      { line: 9, cells: ['4', 'z', 'c'] },
    ]);
  });
});

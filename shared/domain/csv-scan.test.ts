import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerDelimiter, scanCsv, type ScannedRow } from './csv-scan';
import { readCsvRows } from './reference-csv';

const scanned = (text: string, delimiter: string, wanted: readonly number[] | 'all' = 'all') => {
  const rows: ScannedRow[] = [];
  scanCsv(text, delimiter, wanted, (row) => rows.push(row));
  return rows;
};

/** A cell as files hold them: plain (a stray quote too), or quoted with the delimiter, quotes, line breaks and spaces inside. */
const cell = (delimiter: string) =>
  fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9 æøåÆØÅ.@-]{0,8}$/),
    // A stray quote inside an unquoted cell stays in it.
    fc.stringMatching(/^[a-z][a-z"]{0,4}$/),
    fc.array(fc.constantFrom('a', 'ø', ' ', delimiter, '""', '\n', '\r\n', '1'), { maxLength: 8 }).map((parts) => `"${parts.join('')}"`),
  );

const file = (delimiter: string) =>
  fc
    .tuple(
      fc.array(fc.array(cell(delimiter), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([rows, lineBreak, bom, trailing]) => `${bom ? '\uFEFF' : ''}${rows.map((cells) => cells.join(delimiter)).join(lineBreak)}${trailing ? lineBreak : ''}`);

describe('scanCsv', () => {
  it('reads every file as papaparse reads it (readCsvRows): the same rows, cells and lines', () => {
    for (const delimiter of [',', ';', '\t'])
      fc.assert(
        fc.property(file(delimiter), (text) => {
          const rows = scanned(text, delimiter);
          expect(rows.map(({ line, cells }) => ({ line, cells }))).toEqual(readCsvRows(text, delimiter));
          for (const row of rows) expect(row.count).toBe(row.cells.length);
        }),
        { numRuns: 300 },
      );
  });

  it('reads the wanted cells only, and counts every cell', () => {
    const text = '"Device ID","Serial number","IMEI"\r\n"id-1","SN 1","3529"\r\n"id-2",,"x ""y"""\r\n';
    expect(scanned(text, ',', [1, 2]).map(({ line, count, cells }) => ({ line, count, cells }))).toEqual([
      { line: 1, count: 3, cells: [undefined, 'Serial number', 'IMEI'] },
      { line: 2, count: 3, cells: [undefined, 'SN 1', '3529'] },
      { line: 3, count: 3, cells: [undefined, '', 'x "y"'] },
    ]);
  });

  it('takes the rest of the file into a field whose quote is never closed, and keeps stray quotes', () => {
    const text = 'a,b\n1,x"y\n"open,c\nd,e';
    const rows = scanned(text, ',');
    expect(rows.map(({ line, cells }) => ({ line, cells }))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x"y'] },
      { line: 3, cells: ['open,c\nd,e'] },
    ]);
    expect(rows.map(({ line, cells }) => ({ line, cells }))).toEqual(readCsvRows(text, ','));
    expect(text.slice(rows[1]!.start, rows[1]!.end)).toBe('1,x"y');
  });

  it('finds the delimiter of the header line outside quotes', () => {
    expect(headerDelimiter('id;navn;"a,b"\n1;2;3')).toBe(';');
    expect(headerDelimiter('"Device ID","Serial number"\r\n')).toBe(',');
    expect(headerDelimiter('a\tb\tc')).toBe('\t');
    expect(headerDelimiter('one')).toBe(',');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDecimal, formatNumber, toCsv } from './csv';

describe('CSV for Danish Excel', () => {
  it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
    expect(toCsv(['Forvaltning', 'Beløb'], [['ØKF', 12], ['BUF', 3]])).toBe('\uFEFFForvaltning;Beløb\r\nØKF;12\r\nBUF;3\r\n');
  });

  it('keeps Danish letters as UTF-8', () => {
    const bytes = new TextEncoder().encode(toCsv(['æøå'], []));
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa6, 0xc3, 0xb8, 0xc3, 0xa5, 0x0d, 0x0a]);
  });

  it('quotes fields with the separator, quotes, line breaks or edge spaces', () => {
    const csv = toCsv(['a'], [['x;y'], ['sagde "hej"'], ['to\nlinjer'], [' kant'], ['a,b']], { bom: false });
    expect(csv).toBe('a\r\n"x;y"\r\n"sagde ""hej"""\r\n"to\nlinjer"\r\n" kant"\r\na,b\r\n');
  });

  it('writes decimals with a comma and no thousands separator', () => {
    expect(toCsv(['n'], [[1234.5], [0.125], [-3], [1 / 3], [null], [undefined], [Number.NaN]], { bom: false })).toBe(
      'n\r\n1234,5\r\n0,125\r\n-3\r\n0,333333\r\n\r\n\r\n\r\n',
    );
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1e-9)).toBe('0');
    expect(formatNumber(2.5, '.')).toBe('2.5');
  });

  it('writes exact decimals from minor units', () => {
    expect(formatDecimal({ minor: 123_456, scale: 2 })).toBe('1234,56');
    expect(formatDecimal({ minor: 5, scale: 2 })).toBe('0,05');
    expect(formatDecimal({ minor: -5, scale: 2 })).toBe('-0,05');
    expect(formatDecimal({ minor: 10_000, scale: 2 })).toBe('100,00');
    expect(formatDecimal({ minor: 250, scale: 1 })).toBe('25,0');
    expect(formatDecimal({ minor: 7, scale: 0 })).toBe('7');
    expect(toCsv(['kr'], [[{ minor: 39_444, scale: 2 }]], { bom: false })).toBe('kr\r\n394,44\r\n');
  });

  it('keeps text Excel would run as a formula from running', () => {
    const csv = toCsv(['t'], [['=HYPERLINK("x")'], ['+45 1234'], ['-'], ['@sum'], ['ok'], [-5]], { bom: false });
    expect(csv).toBe('t\r\n"\'=HYPERLINK(""x"")"\r\n\'+45 1234\r\n\'-\r\n\'@sum\r\nok\r\n-5\r\n');
    expect(toCsv(['t'], [['=1+1']], { bom: false, guardFormulas: false })).toBe('t\r\n=1+1\r\n');
  });

  it('can write comma-separated CSV with decimal points', () => {
    expect(toCsv(['a', 'b'], [[1.5, 'x,y']], { separator: ',', decimalSeparator: '.', bom: false })).toBe('a,b\r\n1.5,"x,y"\r\n');
  });

  it('an empty table is its header', () => {
    expect(toCsv([], [])).toBe('\uFEFF\r\n');
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
  });
});

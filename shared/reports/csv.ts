/**
 * CSV that Danish Excel opens right with a double-click: UTF-8 with a byte-order mark (else Excel
 * reads æøå as Windows-1252), `;` between fields (Danish Excel's list separator, since `,` is its
 * decimal comma), CRLF line ends, RFC 4180 quoting, decimals with a comma and no thousands
 * separator (`1234,56`: Excel reads `1.234,56` right too, but a finance import may not).
 */

/** An exact decimal: `minor / 10^scale`, e.g. øre as `{ minor: 123456, scale: 2 }` → `1234,56`. */
export interface CsvDecimal {
  minor: number;
  scale: number;
}

export type CsvCell = string | number | boolean | null | undefined | CsvDecimal;

export interface CsvOptions {
  separator?: ';' | ',' | '\t';
  decimalSeparator?: ',' | '.';
  /** Start with U+FEFF; on by default (Excel needs it for UTF-8). */
  bom?: boolean;
  /**
   * Prefix text that Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) with `'`.
   * On by default: model names and vendors are typed by people. Numbers are never touched.
   */
  guardFormulas?: boolean;
}

const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const { separator = ';', decimalSeparator = ',', bom = true, guardFormulas = true } = options;
  const field = (cell: CsvCell): string => {
    const text = cellText(cell, decimalSeparator, guardFormulas);
    return needsQuotes(text, separator) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [header, ...rows].map((row) => row.map(field).join(separator));
  return `${bom ? BOM : ''}${lines.map((line) => `${line}\r\n`).join('')}`;
}

function cellText(cell: CsvCell, decimalSeparator: string, guardFormulas: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return formatNumber(cell, decimalSeparator);
  if (typeof cell === 'object') return formatDecimal(cell, decimalSeparator);
  return guardFormulas && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function needsQuotes(text: string, separator: string): boolean {
  return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
}

/** A number without exponent or thousands separator; fractions to at most 6 places, trailing zeros dropped. */
export function formatNumber(value: number, decimalSeparator: string = ','): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  const text = value.toFixed(6).replace(/\.?0+$/, '');
  return (text === '-0' ? '0' : text).replace('.', decimalSeparator);
}

/** An exact decimal from integer minor units, e.g. øre → kroner with two places, `-5` → `-0,05`. */
export function formatDecimal({ minor, scale }: CsvDecimal, decimalSeparator: string = ','): string {
  if (!Number.isSafeInteger(minor)) return '';
  const digits = String(Math.abs(minor)).padStart(scale + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (scale <= 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -scale)}${decimalSeparator}${digits.slice(-scale)}`;
}

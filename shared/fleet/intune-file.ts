import { reportFileLimits } from '../domain/limits';
import { headerDelimiter, scanCsv, type ScannedRow } from '../domain/csv-scan';
import { mapColumns, normalizeHeader, type ImportField } from '../import/columns';
import type { LocalDate } from '../reports/calendar';

/**
 * Intune's "All devices" export, read for the reconciliation. The columns are found by the device
 * import's header mapping (`shared/import/columns.ts`: Intune's own names, old "Azure AD" ones
 * too); the two columns only the reconciliation reads are named here. A file from another system
 * is hostile: its size is bounded, every line is checked, a bad line is listed and the rest kept.
 */

export interface IntuneRow {
  line: number;
  deviceName?: string;
  serial?: string;
  imei?: string;
  /** The primary user's UPN or address, as Intune writes it. */
  user?: string;
  model?: string;
  manufacturer?: string;
  /** The day of the last check-in (Intune writes UTC). */
  lastCheckIn?: LocalDate;
}

export const intuneProblemCodes = ['too_large', 'no_columns', 'cell_count', 'no_identifier', 'bad_imei', 'bad_check_in', 'too_many_rows'] as const;
export type IntuneProblemCode = (typeof intuneProblemCodes)[number];

export interface IntuneProblem {
  /** The file line; 0 for the whole file. */
  line: number;
  code: IntuneProblemCode;
  /** What was read, for the operator to find the line (cut short). */
  text: string;
  /** The line was still used (a bad check-in date does not hide the device). */
  kept: boolean;
}

export interface IntuneFile {
  rows: IntuneRow[];
  problems: IntuneProblem[];
}

/**
 * Serials a PC's firmware reports when the maker left the field empty: shared by thousands of
 * machines, so they identify none.
 */
const placeholderSerials = new Set(['system serial number', 'to be filled by o.e.m.', 'default string', 'none', 'n/a', '0', '0123456789', '123456789']);

const HEADER_DEVICE_NAME = 'device name';
const HEADER_LAST_CHECK_IN = ['last check-in', 'last check in', 'lastsynctime', 'last sync'];

function serialOf(cell: string): string | undefined {
  const serial = cell.trim().toUpperCase();
  return serial === '' || placeholderSerials.has(serial.toLowerCase()) ? undefined : serial;
}

/** Intune writes `2024-05-13 08:21:44.0000000`; a sheet saved by Excel `5/13/2024 8:21 AM` or `13-05-2024 08:21`. */
export function readCheckInDay(cell: string): LocalDate | null | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  let parts: [number, number, number] | undefined;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]|$)/.exec(text);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: |$)/.exec(text))) parts = [Number(match[3]), Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?: |$)/.exec(text))) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  if (!parts) return null;
  const [y, m, d] = parts;
  // In arithmetic, not through Date: a 100,000-line export reads as many dates. Years before 100 are refused as Date.UTC would misread them.
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A line's filled cells, cut short: Intune's 48 columns are mostly empty, and the first 120 characters of all of them would not reach the serial. */
const excerpt = (cells: ReadonlyArray<string | undefined>) =>
  cells
    .filter((cell) => cell?.trim())
    .join(', ')
    .slice(0, 120);

/**
 * Reads the export's lines for the columns the reconciliation uses (`scanCsv`: an export of
 * 100,000 devices is ~40 MB in 48 quoted columns). A bad line is listed with the whole of it.
 */
export function readIntuneFile(text: string): IntuneFile {
  if (text.length > reportFileLimits.maxChars) return { rows: [], problems: [{ line: 0, code: 'too_large', text: `${text.length}`, kept: false }] };
  const delimiter = headerDelimiter(text);
  const whole = (row: ScannedRow) => {
    let cells: ReadonlyArray<string | undefined> = [];
    scanCsv(text.slice(row.start, row.end), delimiter, 'all', (read) => (cells = read.cells));
    return cells;
  };
  let header: { cells: string[]; line: number } | undefined;
  let found: ReturnType<typeof intuneColumns> | undefined;
  const problems: IntuneProblem[] = [];
  const rows: IntuneRow[] = [];
  let lines = 0;
  scanCsv(
    text,
    delimiter,
    (cells) => {
      found = intuneColumns(cells.map((cell) => cell ?? ''));
      return found ? found.wanted : [];
    },
    (row) => {
      if (!header) {
        header = { cells: row.cells.map((cell) => cell ?? ''), line: row.line };
        return;
      }
      lines++;
      if (!found) return;
      if (lines > reportFileLimits.maxRows) {
        if (lines === reportFileLimits.maxRows + 1) problems.push({ line: row.line, code: 'too_many_rows', text: '', kept: false });
        return;
      }
      const { cells, line } = row;
      if (row.count !== header.cells.length) {
        problems.push({ line, code: 'cell_count', text: excerpt(whole(row)), kept: false });
        return;
      }
      const { imeiAt, serialAt, userAt, modelAt, manufacturerAt, deviceNameAt, checkInAt } = found;
      const imeiCell = firstFilled(cells, imeiAt) ?? '';
      const imeiText = imeiCell.replace(/[\s-]/g, '');
      const imei = /^\d{15}$/.test(imeiText) ? imeiText : undefined;
      const serialCell = firstFilled(cells, serialAt) ?? '';
      const serial = serialOf(serialCell);
      const deviceName = deviceNameAt >= 0 ? cells[deviceNameAt]?.trim() || undefined : undefined;
      if (!imei && !serial) {
        // The device's name and what stood for its identifiers ("System Serial Number"), not the line's first columns.
        problems.push({ line, code: 'no_identifier', text: excerpt([deviceName, serialCell, imeiCell]), kept: false });
        return;
      }
      if (imeiText !== '' && !imei) problems.push({ line, code: 'bad_imei', text: imeiText.slice(0, 40), kept: true });
      const checkIn = checkInAt >= 0 ? readCheckInDay(cells[checkInAt] ?? '') : undefined;
      if (checkIn === null) problems.push({ line, code: 'bad_check_in', text: (cells[checkInAt] ?? '').slice(0, 40), kept: true });
      const read: IntuneRow = { line };
      if (deviceName) read.deviceName = deviceName;
      if (serial) read.serial = serial;
      if (imei) read.imei = imei;
      const user = firstFilled(cells, userAt);
      if (user) read.user = user;
      const model = firstFilled(cells, modelAt);
      if (model) read.model = model;
      const manufacturer = firstFilled(cells, manufacturerAt);
      if (manufacturer) read.manufacturer = manufacturer;
      if (checkIn) read.lastCheckIn = checkIn;
      rows.push(read);
    },
  );
  if (!header || !found) return { rows: [], problems: [{ line: header?.line ?? 1, code: 'no_columns', text: excerpt(header?.cells ?? []), kept: false }] };
  const tooMany = problems.find((problem) => problem.code === 'too_many_rows');
  if (tooMany) tooMany.text = `${lines}`;
  return { rows, problems };
}

/** The header's columns the reconciliation reads (the import's mapping, `shared/import/columns.ts`); none when it names neither serial nor IMEI. */
function intuneColumns(header: readonly string[]) {
  const columns = mapColumns(header);
  if (columns.fields.serial === undefined && columns.fields.imei === undefined) return undefined;
  const named = header.map(normalizeHeader);
  // Each field's columns once, not per line: a file holds up to `reportFileLimits.maxRows` of them.
  const at = (field: ImportField) => columns.fields[field] ?? [];
  const found = {
    imeiAt: at('imei'),
    serialAt: at('serial'),
    userAt: at('holderEmail'),
    modelAt: at('model'),
    manufacturerAt: at('manufacturer'),
    deviceNameAt: named.indexOf(HEADER_DEVICE_NAME),
    checkInAt: named.findIndex((name) => HEADER_LAST_CHECK_IN.includes(name)),
  };
  const wanted = [...found.imeiAt, ...found.serialAt, ...found.userAt, ...found.modelAt, ...found.manufacturerAt, found.deviceNameAt, found.checkInAt].filter((index) => index >= 0);
  return { ...found, wanted };
}

/** The first of `columns` filled in on the line, trimmed. */
function firstFilled(cells: ReadonlyArray<string | undefined>, columns: readonly number[]): string | undefined {
  for (const index of columns) {
    const value = cells[index]?.trim();
    if (value) return value;
  }
  return undefined;
}

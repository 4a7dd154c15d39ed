/**
 * A report crosses from the report worker to the page by structured clone, and a quarter's
 * specification is 80,000 small objects: the clone writes every object's keys again and the page
 * rebuilds every object from them — some 290 ms of a department report's second at full size.
 * So the worker sends each long array of plain records as columns (`packForTransfer`): a column
 * of numbers as a Float64Array (transferred, not copied), a column of strings as one string and
 * their lengths, or as a few distinct words and each row's index when they repeat (departments,
 * kinds, days), a column of records as columns in turn; anything else as it is. The page puts the records back (`unpackTransferred`),
 * the same values with the same keys — what was absent stays absent, `null` and `undefined` stay
 * apart. Everything else (small arrays, single objects, Maps, class instances) is left to the
 * structured clone.
 */

/** Shorter arrays are not worth it. */
const MIN_ROWS = 64;
/** A string column is sent as words and indexes while it has at most one distinct value in this many rows. */
const WORDS_EVERY = 4;
/** The marker of a packed array; no report has such a key. */
const PACKED = '\u0000packedRows';

/** A row's cell that is not a value of the column's own kind. */
const enum Cell {
  Value = 0,
  Null = 1,
  Absent = 2,
  Undefined = 3,
}

type Column =
  | { kind: 'numbers'; values: Float64Array; cells?: Uint8Array }
  | { kind: 'strings'; text: string; lengths: Uint32Array; cells?: Uint8Array }
  | { kind: 'words'; words: string[]; at: Uint32Array; cells?: Uint8Array }
  | { kind: 'records'; rows: PackedRows; cells?: Uint8Array }
  | { kind: 'values'; values: unknown[]; cells?: Uint8Array };

interface PackedRows {
  [PACKED]: true;
  length: number;
  keys: string[];
  columns: Column[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Every element a plain object (a hole is not one). */
function allPlainObjects(values: readonly unknown[]): values is Array<Record<string, unknown>> {
  for (let i = 0; i < values.length; i++) if (!(i in values) || !isPlainObject(values[i])) return false;
  return true;
}

const isPacked = (value: unknown): value is PackedRows => isPlainObject(value) && value[PACKED] === true;

/** `value` with its long arrays of plain records as columns, and the buffers to transfer with it. */
export function packForTransfer(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  return { value: pack(value, transfer), transfer };
}

function pack(value: unknown, transfer: ArrayBuffer[]): unknown {
  if (Array.isArray(value)) {
    if (value.length >= MIN_ROWS && allPlainObjects(value)) return packRows(value, transfer);
    return value.map((item: unknown) => pack(item, transfer));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = pack(value[key], transfer);
  return out;
}

function packRows(rows: ReadonlyArray<Record<string, unknown>>, transfer: ArrayBuffer[]): PackedRows {
  // Every key any row has, in the order first seen (rows made by one piece of code share theirs).
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key in row) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return { [PACKED]: true, length: rows.length, keys, columns: keys.map((key) => packColumn(rows, key, transfer)) };
}

function packColumn(rows: ReadonlyArray<Record<string, unknown>>, key: string, transfer: ArrayBuffer[]): Column {
  const length = rows.length;
  let cells: Uint8Array<ArrayBuffer> | undefined;
  const mark = (index: number, cell: Cell) => {
    cells ??= new Uint8Array(length);
    cells[index] = cell;
  };
  let strings = 0;
  let numbers = 0;
  for (let i = 0; i < length; i++) {
    const row = rows[i]!;
    const cell = row[key];
    if (typeof cell === 'string') strings++;
    else if (typeof cell === 'number') numbers++;
    else if (cell === null) mark(i, Cell.Null);
    else if (cell === undefined) mark(i, Object.hasOwn(row, key) ? Cell.Undefined : Cell.Absent);
  }
  const specials = cells ? cells.reduce((sum, cell) => sum + (cell === Cell.Value ? 0 : 1), 0) : 0;
  const withCells = <C extends Column>(column: C): C => (cells ? { ...column, cells } : column);

  if (numbers > 0 && numbers + specials === length) {
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) if (!cells || cells[i] === Cell.Value) values[i] = rows[i]![key] as number;
    transfer.push(values.buffer);
    if (cells) transfer.push(cells.buffer);
    return withCells({ kind: 'numbers', values });
  }
  if (strings > 0 && strings + specials === length) {
    const index = new Map<string, number>();
    const words: string[] = [];
    const at = new Uint32Array(length);
    let distinct = true;
    for (let i = 0; i < length && distinct; i++) {
      if (cells && cells[i] !== Cell.Value) continue;
      const word = rows[i]![key] as string;
      let found = index.get(word);
      if (found === undefined) {
        found = words.push(word) - 1;
        index.set(word, found);
        distinct = words.length * WORDS_EVERY <= length;
      }
      at[i] = found;
    }
    if (cells) transfer.push(cells.buffer);
    if (distinct) {
      transfer.push(at.buffer);
      return withCells({ kind: 'words', words, at });
    }
    const lengths = new Uint32Array(length);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      if (cells && cells[i] !== Cell.Value) continue;
      const text = rows[i]![key] as string;
      lengths[i] = text.length;
      parts.push(text);
    }
    transfer.push(lengths.buffer);
    return withCells({ kind: 'strings', text: parts.join(''), lengths });
  }
  // A record in each row (a finding's Intune line): those records as columns of their own.
  const records = rows.filter((row) => isPlainObject(row[key])).map((row) => row[key] as Record<string, unknown>);
  if (records.length >= MIN_ROWS && records.length + specials === length) {
    if (cells) transfer.push(cells.buffer);
    return withCells({ kind: 'records', rows: packRows(records, transfer) });
  }
  // Mixed, booleans or nested values: as they are (nested long arrays packed in turn), absence marked.
  const values = rows.map((row) => pack(row[key], transfer));
  const absent = rows.some((row) => !Object.hasOwn(row, key));
  if (!absent) return { kind: 'values', values };
  const marks = new Uint8Array(length);
  rows.forEach((row, i) => {
    if (!Object.hasOwn(row, key)) marks[i] = Cell.Absent;
  });
  transfer.push(marks.buffer);
  return { kind: 'values', values, cells: marks };
}

/** What `packForTransfer` sent, with its records back. */
export function unpackTransferred(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackTransferred);
  if (!isPlainObject(value)) return value;
  if (isPacked(value)) return unpackRows(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = unpackTransferred(value[key]);
  return out;
}

function unpackRows({ length, keys, columns }: PackedRows): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = new Array(length);
  for (let i = 0; i < length; i++) rows[i] = {};
  keys.forEach((key, k) => {
    const column = columns[k]!;
    const { cells } = column;
    const read = readerOf(column);
    for (let i = 0; i < length; i++) {
      const cell = cells ? (cells[i] as Cell) : Cell.Value;
      if (cell === Cell.Value) rows[i]![key] = read(i);
      else if (cell === Cell.Null) rows[i]![key] = null;
      else if (cell === Cell.Undefined) rows[i]![key] = undefined;
    }
  });
  return rows;
}

/** The value of a column's row `i` (a cell of the column's own kind). */
function readerOf(column: Column): (i: number) => unknown {
  switch (column.kind) {
    case 'numbers':
      return (i) => column.values[i];
    case 'words':
      return (i) => column.words[column.at[i]!];
    case 'strings': {
      const starts = new Uint32Array(column.lengths.length);
      for (let i = 1; i < starts.length; i++) starts[i] = starts[i - 1]! + column.lengths[i - 1]!;
      return (i) => column.text.slice(starts[i], starts[i]! + column.lengths[i]!);
    }
    case 'records': {
      // The rows with a record hold the unpacked records in turn, and are read in row order.
      const records = unpackRows(column.rows);
      let next = 0;
      return () => records[next++];
    }
    case 'values':
      return (i) => unpackTransferred(column.values[i]);
  }
}

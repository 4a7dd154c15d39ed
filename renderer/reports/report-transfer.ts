/**
 * A report crosses from the report worker to the page by structured clone, and a quarter's
 * department report is 80,000 small objects and a table of 80,000 employees' names. The clone
 * writes every object's keys again and the page rebuilds every object from them: some 450 ms of
 * the report's way to the page, measured on the bench store. What costs is objects, not values:
 * an array of 80,000 texts clones in ~15 ms, the name table as an object in ~145. So the worker
 * sends (`packForTransfer`) each long array of plain records as columns — numbers as a
 * Float64Array (transferred, not copied), texts that repeat (departments, kinds, days) as their
 * few words and an index per row, records as columns in turn, anything else as the array of its
 * values — and each large table of names as its keys and its values. The page puts them back
 * (`unpackTransferred`): the same values under the same keys, what was absent absent, `null` and
 * `undefined` apart. Everything else (short arrays, single objects, Maps, class instances) is
 * left to the structured clone, and passed on uncopied.
 */

/** Shorter arrays are not worth it. */
const MIN_ROWS = 64;
/** Tables of fewer names are not worth it. */
const MIN_NAMES = 1_024;
/** Texts are sent as words and indexes while there is at most one distinct text in this many rows. */
const WORDS_EVERY = 16;
/** The markers of a packed array and of a packed table; no report has such a key. */
const PACKED = '\u0000packedRows';
const PACKED_TABLE = '\u0000packedTable';

/** A row's cell that is not a value of the column's own kind. */
const enum Cell {
  Value = 0,
  Null = 1,
  Absent = 2,
  Undefined = 3,
}

type Column =
  | { kind: 'numbers'; values: Float64Array; cells?: Uint8Array }
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

/** A table of names (employee id → name): its keys and its values, in order. */
interface PackedTable {
  [PACKED_TABLE]: true;
  keys: string[];
  values: unknown[];
}

const isPacked = (value: unknown): value is PackedRows => isPlainObject(value) && value[PACKED] === true;
const isPackedTable = (value: unknown): value is PackedTable => isPlainObject(value) && value[PACKED_TABLE] === true;

/** `value` with its long arrays of plain records as columns, and the buffers to transfer with it. */
export function packForTransfer(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  return { value: pack(value, transfer), transfer };
}

function pack(value: unknown, transfer: ArrayBuffer[]): unknown {
  if (Array.isArray(value) && value.length >= MIN_ROWS && allPlainObjects(value)) return packRows(value, transfer);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length >= MIN_NAMES) {
      const values = keys.map((key) => value[key]);
      if (values.every((cell) => typeof cell !== 'object' || cell === null)) return { [PACKED_TABLE]: true, keys, values } satisfies PackedTable;
    }
  }
  return withChildren(value, (child) => pack(child, transfer));
}

/**
 * `value` with `change` applied to each array or object in it, copied only where one changed: a
 * report's name tables (80,000 employees) and lists of texts are passed on as they are.
 */
function withChildren(value: unknown, change: (child: object) => unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const before: unknown = value[i];
      if (typeof before !== 'object' || before === null) continue;
      const after = change(before);
      if (after !== before) (out ??= value.slice())[i] = after;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    const before = value[key];
    if (typeof before !== 'object' || before === null) continue;
    const after = change(before);
    if (after !== before) (out ??= { ...value })[key] = after;
  }
  return out ?? value;
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
  // Each cell read once (a load by a key that changes from column to column is the slow kind);
  // pushed, not set into `new Array(length)`: a holey array clones element by element, 20× slower.
  const values: unknown[] = [];
  let cells: Uint8Array<ArrayBuffer> | undefined;
  let strings = 0;
  let numbers = 0;
  let records = 0;
  let specials = 0;
  for (let i = 0; i < length; i++) {
    const row = rows[i]!;
    const cell = row[key];
    values.push(cell);
    if (typeof cell === 'string') strings++;
    else if (typeof cell === 'number') numbers++;
    else if (cell === null || cell === undefined) {
      cells ??= new Uint8Array(length);
      cells[i] = cell === null ? Cell.Null : Object.hasOwn(row, key) ? Cell.Undefined : Cell.Absent;
      specials++;
    } else if (isPlainObject(cell)) records++;
  }
  const withCells = <C extends Column>(column: C): C => {
    if (!cells) return column;
    transfer.push(cells.buffer);
    return { ...column, cells };
  };

  if (numbers > 0 && numbers + specials === length) {
    const column = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const cell = values[i];
      if (typeof cell === 'number') column[i] = cell;
    }
    transfer.push(column.buffer);
    return withCells({ kind: 'numbers', values: column });
  }
  if (strings > 0 && strings + specials === length) {
    const words = wordsOf(values, cells);
    if (words) {
      transfer.push(words.at.buffer);
      return withCells({ kind: 'words', ...words });
    }
  }
  // A record in each row (a finding's Intune line): those records as columns of their own.
  if (records >= MIN_ROWS && records + specials === length) {
    const nested = values.filter((cell) => cell !== null && cell !== undefined) as Array<Record<string, unknown>>;
    return withCells({ kind: 'records', rows: packRows(nested, transfer) });
  }
  // Texts that do not repeat, booleans, mixed or nested values: as they are (nested long arrays
  // packed in turn), absence marked. One text joined of 80,000 and their lengths measured slower.
  const packed = strings + numbers + specials === length ? values : values.map((cell) => pack(cell, transfer));
  if (!cells || !cells.includes(Cell.Absent)) return { kind: 'values', values: packed };
  const absent = cells.map((cell) => (cell === Cell.Absent ? Cell.Absent : Cell.Value));
  transfer.push(absent.buffer);
  return { kind: 'values', values: packed, cells: absent };
}

/** The distinct texts of a column of texts and each row's index among them, while they repeat enough; else undefined. */
function wordsOf(values: readonly unknown[], cells: Uint8Array | undefined): { words: string[]; at: Uint32Array<ArrayBuffer> } | undefined {
  const index = new Map<string, number>();
  const words: string[] = [];
  const at = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (cells && cells[i] !== Cell.Value) continue;
    const text = values[i] as string;
    let found = index.get(text);
    if (found === undefined) {
      if ((words.length + 1) * WORDS_EVERY > values.length) return undefined;
      found = words.push(text) - 1;
      index.set(text, found);
    }
    at[i] = found;
  }
  return { words, at };
}

/** What `packForTransfer` sent, with its records and tables back. */
export function unpackTransferred(value: unknown): unknown {
  if (isPacked(value)) return unpackRows(value);
  if (isPackedTable(value)) return unpackTable(value);
  return withChildren(value, unpackTransferred);
}

function unpackTable({ keys, values }: PackedTable): Record<string, unknown> {
  const table: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    // An own `__proto__` key stays a key (an assignment would set the prototype).
    if (key === '__proto__') Object.defineProperty(table, key, { value: values[i], enumerable: true, writable: true, configurable: true });
    else table[key] = values[i];
  });
  return table;
}

function unpackRows({ length, keys, columns }: PackedRows): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < length; i++) rows.push({});
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

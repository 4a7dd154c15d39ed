/**
 * A CSV read for the cells it needs: Intune's "All devices" export has 48 columns, every field
 * quoted, ~450 characters a line and ~40 MB for 100,000 devices, of which the reconciliation reads
 * eight columns. A full parse makes every cell a string (4.8 million of them: papaparse takes
 * 4.4 s here, d3-dsv 0.9 s); this scanner finds the field boundaries with `indexOf` and slices only
 * the wanted cells. It reads what `readCsvRows` (papaparse) reads — the property test in
 * `csv-scan.test.ts` holds it to that on random files — with the delimiter named, not guessed.
 *
 * RFC 4180 as papaparse reads it: a field in quotes may hold the delimiter, line breaks and `""`;
 * a quote opening an unterminated field takes the rest of the file; a quote inside an unquoted
 * field, or one inside a quoted field and not followed by the delimiter or the row's end, is kept
 * as it is. Rows end at LF or CRLF (not at a lone CR); a row of blank cells is skipped.
 */

export interface ScannedRow {
  /** The file line the row starts on (1-based). */
  line: number;
  /** How many cells the row has. */
  count: number;
  /** The wanted cells by column index; `undefined` for the others and for cells the row lacks. */
  cells: Array<string | undefined>;
  /** Where the row lies in the text (`text.slice(start, end)`, without its line break): for an excerpt of a bad one. */
  start: number;
  end: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The delimiter of a header line: the one of `;`, `,` and tab it uses most outside quotes (`,` when none). */
export function headerDelimiter(text: string, candidates: readonly string[] = [';', ',', '\t']): string {
  const end = firstLineEnd(text);
  const counts = new Map(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [candidate, count] of counts) if (count > most) [best, most] = [candidate, count];
  return best;
}

/** Where the first line ends outside quotes (a header's names may be quoted, never broken). */
function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF && !quoted) return i;
  }
  return text.length;
}

/** Which cells to read: these columns, every one, or those a function of the header (the first row, read whole) names. */
export type WantedCells = readonly number[] | 'all' | ((header: ReadonlyArray<string | undefined>) => readonly number[]);

/**
 * Calls `onRow` with each non-blank row of `text` (a leading BOM skipped), its `wanted` cells read.
 */
export function scanCsv(text: string, delimiter: string, wanted: WantedCells, onRow: (row: ScannedRow) => void): void {
  const D = delimiter.charCodeAt(0);
  let all = wanted === 'all' || typeof wanted === 'function';
  const want: boolean[] = [];
  const choose = (columns: readonly number[]) => {
    all = false;
    for (const index of columns) want[index] = true;
  };
  if (Array.isArray(wanted)) choose(wanted);
  let chooser = typeof wanted === 'function' ? wanted : undefined;
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // The next line break at or after `pos`: found once per row, not once per field.
  let nextLf = text.indexOf('\n', pos);
  if (nextLf === -1) nextLf = n;

  while (pos < n) {
    const start = pos;
    const rowLine = line;
    const cells: Array<string | undefined> = [];
    let col = 0;
    let blank = true;
    let end: number;
    for (;;) {
      let value: string | undefined;
      let after: number;
      if (text.charCodeAt(pos) === QUOTE) {
        // A quoted field: up to a quote that is not doubled and is followed (past spaces) by the
        // delimiter or the row's end; any other quote is part of the field, as papaparse reads it.
        let i = pos + 1;
        let escaped = false;
        let close = -1;
        after = n;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            i = q + 2;
            continue;
          }
          let k = q + 1;
          while (text.charCodeAt(k) === 32 && D !== 32) k++;
          const c = text.charCodeAt(k);
          if (k >= n || c === D || c === LF || (c === CR && text.charCodeAt(k + 1) === LF)) {
            close = q;
            after = c === CR ? k + 1 : k;
            break;
          }
          i = q + 1;
        }
        const stop = close === -1 ? n : close;
        if (stop > nextLf) {
          // Line breaks inside the quotes: each is a line of the file.
          for (let b = nextLf; b !== -1 && b < stop; b = text.indexOf('\n', b + 1)) line++;
          nextLf = text.indexOf('\n', stop);
          if (nextLf === -1) nextLf = n;
        }
        if (all || want[col]) {
          value = text.slice(pos + 1, stop);
          if (escaped) value = value.replaceAll('""', '"');
          // Line breaks inside a cell read as LF, as `readCsvRows` reads them.
          if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
        }
        if (blank && stop > pos + 1 && text.slice(pos + 1, stop).trim() !== '') blank = false;
      } else {
        after = nextBoundary(text, pos, D, nextLf);
        const stop = after === nextLf && after > pos && text.charCodeAt(after - 1) === CR ? after - 1 : after;
        if (all || want[col]) value = text.slice(pos, stop);
        if (blank && stop > pos) {
          const cell = value ?? text.slice(pos, stop);
          if (cell.trim() !== '') blank = false;
        }
      }
      if (value !== undefined) cells[col] = value;
      col++;
      if (after < n && text.charCodeAt(after) === D && after !== nextLf) {
        pos = after + 1;
        continue;
      }
      // The row ends: at its line break, or at the end of the text.
      end = after >= n ? n : after > start && text.charCodeAt(after - 1) === CR ? after - 1 : after;
      pos = after + 1;
      line++;
      if (pos <= n) {
        nextLf = text.indexOf('\n', pos);
        if (nextLf === -1) nextLf = n;
      }
      break;
    }
    if (blank) continue;
    onRow({ line: rowLine, count: col, cells, start, end });
    if (chooser) {
      choose(chooser(cells));
      chooser = undefined;
    }
  }
}

/** The next delimiter before the row's line break, else the line break (or the text's end). */
function nextBoundary(text: string, from: number, D: number, nextLf: number): number {
  for (let i = from; i < nextLf; i++) if (text.charCodeAt(i) === D) return i;
  return nextLf;
}

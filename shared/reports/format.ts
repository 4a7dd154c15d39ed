import { identifierOf } from '../domain/device-key';
import type { Language } from './labels';
import type { Column } from './tables';

/**
 * A table cell for people, in the operator's locale (`da-DK`: `1.234,56 kr.`, `25,0 %`,
 * `24.11.2026`; `en-GB`: `DKK 1,234.56`, `25.0%`, `24/11/2026`). Screens and printouts use it;
 * CSV does not (it has its own fixed format, see `csv.ts`).
 */
export interface CellFormat {
  language: Language;
  /** A BCP 47 locale, e.g. `da-DK`, `en-GB`. */
  locale: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${kind}`;
  let format = numberFormats.get(id);
  if (!format) numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export const emptyCell = '–';

export function formatCell<Row>(column: Column<Row>, value: unknown, { language, locale }: CellFormat): string {
  if (value === null || value === undefined) return emptyCell;
  if (typeof value === 'number') {
    switch (column.type) {
      case 'money':
        return numberFormat(locale, 'money', { style: 'currency', currency: 'DKK' }).format(value / 100);
      case 'percent':
        return numberFormat(locale, 'percent', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
      case 'decimal':
        return numberFormat(locale, 'decimal', { maximumFractionDigits: 2 }).format(value);
      default:
        return numberFormat(locale, 'integer', { maximumFractionDigits: 0 }).format(value);
    }
  }
  if (typeof value !== 'string') return String(value);
  if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale);
  if (column.type === 'device') return identifierOf(value);
  return column.values?.[value]?.[language] ?? value;
}

/** A `LocalDate` in the locale's short form; read as UTC so no zone can move it a day. */
export function formatDay(day: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' })));
  return format.format(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

/**
 * A day as an operator types it in their locale (`da-DK`: `24.11.2026`, `24-11-2026`; `en-GB`:
 * `24/11/2026`; `en-US`: month first), or as `2026-11-24`; null when it is no day of the calendar.
 * The year must have four digits, so a day half typed (`24.11.20`) is not taken for the year 20.
 */
export function parseDay(text: string, locale: string): string | null {
  const parts = text.trim().split(/[^\d]+/).filter(Boolean);
  if (parts.length !== 3) return null;
  const order = parts[0]?.length === 4 ? (['year', 'month', 'day'] as const) : dayOrder(locale);
  const of = (field: 'year' | 'month' | 'day') => parts[order.indexOf(field)] ?? '';
  if (of('year').length !== 4 || !/^\d{1,2}$/.test(of('month')) || !/^\d{1,2}$/.test(of('day'))) return null;
  const [year, month, day] = [Number(of('year')), Number(of('month')), Number(of('day'))];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The order of day, month and year in the locale's numeric date (`da-DK` and `en-GB`: day first; `en-US`: month first). */
function dayOrder(locale: string): readonly ('year' | 'month' | 'day')[] {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' })
    .formatToParts(0)
    .flatMap((part) => (part.type === 'year' || part.type === 'month' || part.type === 'day' ? [part.type] : []));
}

/** What a day looks like in the locale, for an empty field: `dd.mm.åååå` in Danish. */
export function dayPattern(locale: string, letters: { day: string; month: string; year: string }): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'short' })
    .formatToParts(Date.UTC(2026, 10, 24))
    .map((part) => (part.type === 'day' ? letters.day.repeat(2) : part.type === 'month' ? letters.month.repeat(2) : part.type === 'year' ? letters.year.repeat(4) : part.value))
    .join('');
}

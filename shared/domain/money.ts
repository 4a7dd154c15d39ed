/**
 * Money on the desk and at the centre is whole øre, never a float. These are the only readers of
 * kroner typed by a person or written in a spreadsheet, so a price reads the same everywhere.
 */

/**
 * Kroner as a person types them in their locale (da: `1.250,50`; en: `1,250.50`; a plain `400`
 * either way; `kr.`/`DKK` before or after) → whole øre; null when it is not an amount of at most
 * two decimals.
 */
export function parseKroner(text: string, locale: string): number | null {
  const [group, decimal] = locale.startsWith('da') ? ['.', ','] : [',', '.'];
  const cleaned = text.trim().replace(/^(dkk|kr\.?)\s*|\s*(dkk|kr\.?)$/gi, '').replace(/\s/g, '');
  const escape = (c: string) => `\\${c}`;
  const pattern = new RegExp(`^(\\d{1,3}(?:${escape(group)}\\d{3})+|\\d+)(?:${escape(decimal)}(\\d{1,2}))?$`);
  const match = pattern.exec(cleaned);
  if (!match) return null;
  const whole = Number((match[1] ?? '0').replaceAll(group, ''));
  const ore = whole * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}

/**
 * A price cell of a register or a form, whoever wrote it: Danish first (`4.599,00`, `4 599,50 kr.`),
 * then an English decimal point (`4599.50`). A comma is never read as an English thousands
 * separator, since in a Danish sheet it is the decimal sign. Empty → undefined; unreadable → null.
 */
export function readPrice(cell: string): number | null | undefined {
  if (cell.trim() === '') return undefined;
  return parseKroner(cell, 'da') ?? (cell.includes(',') ? null : parseKroner(cell, 'en'));
}

/** Øre as a form shows them for editing, in the form `readPrice` reads back: `4599,50`. */
export function kronerForEditing(ore: number): string {
  return `${Math.trunc(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

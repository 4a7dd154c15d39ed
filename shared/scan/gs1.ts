/**
 * GS1 element strings (GS1 General Specifications, section 7.8): the Application Identifiers a
 * device box label carries, such as (01) GTIN and (21) serial number.
 */

export const GS = '\u001d';

/**
 * Element strings whose length is predefined by their first two digits (the spec's figure
 * 7.8.5-1): the total length of AI plus data. All others end at a GS or at the end.
 */
const predefinedLength: Record<string, number> = {
  '00': 20, '01': 16, '02': 16, '03': 16, '04': 18,
  '11': 8, '12': 8, '13': 8, '14': 8, '15': 8, '16': 8, '17': 8, '18': 8, '19': 8,
  '20': 4,
  '31': 10, '32': 10, '33': 10, '34': 10, '35': 10, '36': 10,
  '41': 16,
};

/** How many digits the AI starting here has, from its first digits (spec figure 7.8.5-2 in short). */
function aiLength(s: string): number {
  const two = s.slice(0, 2);
  const first = Number(s[0]);
  if (first === 0 || first === 1 || two === '20' || two === '21' || two === '22' || two === '30' || two === '37' || first === 9)
    return 2;
  if (two === '31' || two === '32' || two === '33' || two === '34' || two === '35' || two === '36' || two === '39')
    return 4;
  if (two === '71') return 3;
  if (first === 7 || first === 8) return 4;
  return 3; // 23x-29x, 40x-49x, 6x
}

export type Gs1Elements = Map<string, string>;

/** Element strings without the leading FNC1 (a GS, or nothing after an AIM `]C1`), GS-separated. */
export function splitGs1(data: string): Gs1Elements | null {
  const out: Gs1Elements = new Map();
  let rest = data;
  while (rest.length > 0) {
    if (rest.startsWith(GS)) {
      rest = rest.slice(1);
      continue;
    }
    if (!/^\d{2}/.test(rest)) return null;
    const fixed = predefinedLength[rest.slice(0, 2)];
    const ai = rest.slice(0, fixed === undefined ? aiLength(rest) : 2);
    let value: string;
    if (fixed !== undefined) {
      value = rest.slice(2, fixed);
      if (value.length !== fixed - 2) return null;
      rest = rest.slice(fixed);
    } else {
      const end = rest.indexOf(GS, ai.length);
      value = rest.slice(ai.length, end === -1 ? undefined : end);
      rest = end === -1 ? '' : rest.slice(end + 1);
    }
    if (!/^\d+$/.test(ai) || value.length === 0) return null;
    out.set(ai, value);
  }
  return out.size > 0 ? out : null;
}

/** The human-readable form `(01)07903…(21)ZN82…` printed under a label. */
export function splitParenthesisedGs1(text: string): Gs1Elements | null {
  if (!/^(\(\d{2,4}\)[^()]+)+$/.test(text)) return null;
  const out: Gs1Elements = new Map();
  for (const m of text.matchAll(/\((\d{2,4})\)([^()]+)/g)) out.set(m[1] as string, m[2] as string);
  return out;
}

/**
 * A GTIN as printed under its barcode: the register keeps every GTIN as 14 digits (so a box's
 * EAN-13 and the same number inside a GS1 label match), but a box in Denmark shows 13 (EAN-13,
 * also for a UPC-A, with its leading 0) or 8 (EAN-8): the padding zeros go.
 */
export function gtinAsPrinted(gtin14: string): string {
  if (!/^\d{14}$/.test(gtin14)) return gtin14;
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('0')) return gtin14.slice(1);
  return gtin14;
}

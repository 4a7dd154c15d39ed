import { z } from 'zod';

/**
 * What one event may hold (SYNC.md, "Trust"): the one place the desk and the server take their
 * limits from. A desk may be broken, out of date or in the wrong hands; these keep what it sends
 * small enough for every other desk to pull and plain enough for PostgreSQL's `jsonb` to store.
 */
export const eventLimits = {
  /** Bytes of one event serialized as JSON (UTF-8): a typical event is ~300. */
  eventMaxBytes: 16 * 1024,
  /** Identifiers: desk, operator, location, employee, department, serial, asset tag. */
  idMax: 64,
  /** A short name: a model, a repair vendor, a ticket, a disposal certificate. */
  nameMax: 200,
  /** A person's sentence: why a device came back, why it was lost. */
  reasonMax: 500,
  /** A note's text. */
  noteMax: 2000,
  /** Other spellings a scan may produce for one device. */
  alternativesMax: 10,
  /**
   * A receipt's signature: a PNG as a data URL, in characters. A flat image of a few kB; with the
   * terms and the devices the receipt event stays under `eventMaxBytes` (the desk shrinks the
   * image until it does: `renderer/receipts/`).
   */
  signatureMax: 8000,
  /** The terms of use printed on a receipt. */
  termsMax: 2000,
  /** Devices on one receipt. */
  receiptDevicesMax: 10,
} as const;

/**
 * Files an operator loads into a report (an Intune "All devices" export): read in the desk's
 * memory, so bounded. Intune writes ~450 characters a device (48 quoted columns): the fleet's
 * 62,000 devices are ~27 MB, the benchmark's 100,000 ~40 MB. (The limit was 20 MB, said to be
 * "the fleet several times" from an export of 11 columns: the real export of the whole fleet was refused.)
 */
export const reportFileLimits = {
  /** Characters of the file's text (the desk also refuses a file larger than this in bytes). */
  maxChars: 64 * 1024 * 1024,
  /** Data lines read; the rest are listed as one problem. */
  maxRows: 200_000,
} as const;

// A NUL, or a UTF-16 surrogate without its other half: PostgreSQL refuses both in text and jsonb,
// and a string holding one is not Unicode at all.
const unsafeCharacter = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Well-formed Unicode without NUL: what every string in an event must be. */
export function isSafeText(value: string): boolean {
  return !unsafeCharacter.test(value);
}

export const safeTextMessage = 'must be well-formed Unicode without NUL characters';

/** A string of at most `max` UTF-16 units, well-formed and NUL-free. */
export function safeText(max: number) {
  return z.string().max(max).refine(isSafeText, safeTextMessage);
}

/** Bytes of `text` in UTF-8 (what goes on the wire), without TextEncoder: shared/ has no DOM. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of `value` serialized as JSON; `Infinity` for what JSON cannot carry (a cycle). */
export function jsonBytes(value: unknown): number {
  try {
    return utf8Length(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The path of the first string anywhere in `value` that is not safe text, or `null`. */
export function findUnsafeText(value: unknown, path: Array<string | number> = []): Array<string | number> | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!isSafeText(key)) return [...path, key];
      const found = findUnsafeText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The whole-event rules, for the event schema's refinement: every string safe text (also those of
 * fields a schema names without a limit of its own) and the event within its byte limit.
 */
export function checkEventLimits(event: unknown, ctx: z.RefinementCtx): void {
  const unsafe = findUnsafeText(event);
  if (unsafe) ctx.addIssue({ code: 'custom', path: unsafe, message: safeTextMessage });
  const bytes = jsonBytes(event);
  if (bytes > eventLimits.eventMaxBytes)
    ctx.addIssue({ code: 'custom', path: [], message: `the event is ${bytes} bytes; at most ${eventLimits.eventMaxBytes} are allowed` });
}

import { hasValidGs1CheckDigit, hasValidLuhn, luhnCheckDigit } from './check-digits';
import { GS, splitGs1, splitParenthesisedGs1, type Gs1Elements } from './gs1';

export type ScanKind = 'imei' | 'meid' | 'iccid' | 'gtin' | 'serial' | 'asset_tag' | 'employee' | 'request' | 'command' | 'invalid';

/** Why a scan is not an identifier; the desk translates the code, tests assert it. */
export type InvalidReason =
  | 'empty'
  | 'too_short'
  | 'too_long'
  | 'not_printable'
  | 'imei_check_digit'
  | 'imei_length'
  | 'iccid_check_digit'
  | 'gtin_check_digit'
  | 'gs1_unsupported'
  | 'not_an_identifier'
  | 'no_digit'
  | 'employee_card';

export type ParsedScan =
  | { kind: 'imei'; value: string; svn?: string; slot?: 1 | 2 }
  | { kind: 'meid' | 'iccid' | 'asset_tag' | 'command'; value: string }
  | { kind: 'gtin'; value: string }
  | { kind: 'serial'; value: string; gtin?: string; alternatives?: string[] }
  /**
   * An employee, not a device: `card` is a `KVIK:EMP:<id>` card the desk printed (`value` is the
   * employee id as printed), `badge` the municipality's own badge number (`value` upper-cased).
   */
  | { kind: 'employee'; value: string; via: 'card' | 'badge' }
  /** A ServiceNow request item (`RITM` and its digits, upper-cased): what a handout or return answers. */
  | { kind: 'request'; value: string }
  | { kind: 'invalid'; value: string; reason: InvalidReason; message: string; checkDigit?: CheckDigitMismatch };

/** A check digit that does not match: the one scanned and the one the other digits call for. */
export interface CheckDigitMismatch {
  got: string;
  expected: number;
}

export interface ParseOptions {
  /** The desk's asset-tag pattern (settings), e.g. `^KK\d{6}$`. */
  assetTagPattern?: RegExp | undefined;
  /** The municipality's badge-number pattern (settings), e.g. `^KK-\d{7}$`: such a scan is an employee. */
  badgePattern?: RegExp | undefined;
}

const MAX_LENGTH = 64;
/** Rule 11 (version 2): what a serial number may look like. */
const SERIAL_MIN = 5;
const SERIAL_MAX = 30;
const SERIAL_CHARACTERS = /^[A-Z0-9./-]+$/i;
const AIM = /^\][A-Za-z][0-9A-Za-z]/;
/** AIM identifiers that announce GS1 data: Code 128 FNC1, Data Matrix GS1, QR GS1, DataBar. */
const GS1_AIM = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);
/** What an employee id on a `KVIK:EMP:` card may be: at most 64 (`limits.ts`) letters, digits, `.`, `_`, `-`, `@`. */
export const employeeCardId = /^[A-Za-z0-9._@-]{1,64}$/;
const EMPLOYEE_CARD = /^KVIK:EMP:([A-Za-z0-9._@-]{1,64})$/i;
/** A ServiceNow request item number: `RITM` and 7 digits by default; an instance may be set to more. */
const REQUEST_ITEM = /^RITM\d{7,12}$/i;
const LABEL =
  /^(?:(imeisv)|(imei\s*\/\s*meid)|(imei)\s*([12])?|(s\/n|sn|serial(?:\s*no\.?|\s*number)?))(?:\s*[:#.]\s*|\s+)/i;

/**
 * Everything a scanner, a camera or a person can send, classified. Never throws: anything it does
 * not recognise is `invalid` with a reason. Rules and their order: `../shared/design/SCANNING.md`.
 */
export function parseScan(raw: string, options: ParseOptions = {}): ParsedScan {
  // 1. Surrounding whitespace and control characters go, except a leading GS (FNC1: GS1 follows).
  let text = raw.replace(/^[\s\x00-\x1c\x1e-\x1f\x7f]+/, '').replace(/[\s\x00-\x1f\x7f]+$/, '');
  let aim = '';
  if (AIM.test(text)) {
    aim = text.slice(0, 3);
    text = text.slice(3);
  }
  const invalid = (reason: InvalidReason, message: string, checkDigit?: CheckDigitMismatch): ParsedScan => ({
    kind: 'invalid',
    value: text,
    reason,
    message,
    ...(checkDigit ? { checkDigit } : {}),
  });

  if (text.length === 0) return invalid('empty', 'nothing was scanned');
  if (/[^\x20-\x7e\x1d]/.test(text)) return invalid('not_printable', 'the scan holds characters that are not printable ASCII');

  // 8. GS1 element strings.
  if (GS1_AIM.has(aim) || text.startsWith(GS)) return fromGs1(splitGs1(text), invalid);
  if (text.startsWith('(')) {
    const elements = splitParenthesisedGs1(text);
    if (elements) return fromGs1(elements, invalid);
  }
  if (text.includes(GS)) return invalid('not_printable', 'a GS separator outside GS1 data');

  // 9a. An employee card the desk printed: `KVIK:EMP:<id>`, the id kept as printed.
  const card = EMPLOYEE_CARD.exec(text);
  if (card) return { kind: 'employee', value: card[1] as string, via: 'card' };
  if (/^KVIK:EMP:/i.test(text)) return invalid('employee_card', 'an employee card holds an id of at most 64 letters, digits, ".", "_", "-" and "@"');

  // 9. Command barcodes from the desk card.
  const command = /^KVIK:([A-Z0-9_-]+(?::[A-Z0-9_-]+)*)$/i.exec(text);
  if (command) return { kind: 'command', value: (command[1] as string).toUpperCase() };

  // 9b. A ServiceNow request item, from the request's barcode or typed: letters and digits that the
  // serial rule would otherwise take for a device.
  if (REQUEST_ITEM.test(text)) return { kind: 'request', value: text.toUpperCase() };

  // 2. A human-readable label in front is a hint.
  let hint: 'imei' | 'imeisv' | 'serial' | null = null;
  let slot: 1 | 2 | undefined;
  const label = LABEL.exec(text);
  if (label) {
    hint = label[1] ? 'imeisv' : label[2] || label[3] ? 'imei' : 'serial';
    if (label[4]) slot = label[4] === '2' ? 2 : 1;
    text = text.slice(label[0].length).trim();
    if (text.length === 0) return invalid('empty', 'a label without a value');
  }

  // 10a. The municipality's badge numbers: checked before the number rules, because a badge number
  // of 8 or 13 digits would otherwise pass as a GTIN one time in ten. A labelled value (`S/N: …`,
  // `IMEI …`) is always a device.
  if (!label && options.badgePattern?.test(text)) return { kind: 'employee', value: text.toUpperCase(), via: 'badge' };

  if (text.length < SERIAL_MIN) return invalid('too_short', `too short to be an identifier (at least ${SERIAL_MIN} characters)`);
  if (text.length > MAX_LENGTH) return invalid('too_long', `too long to be an identifier (at most ${MAX_LENGTH} characters)`);

  if (hint !== 'serial') {
    const numeric = classifyNumber(text, hint, slot, invalid);
    if (numeric) return numeric;
    // 5. MEID: 14 hex characters with at least one letter.
    if (/^[0-9A-Fa-f]{14}$/.test(text) && /[A-Fa-f]/.test(text)) return { kind: 'meid', value: text.toUpperCase() };
    if (hint) return invalid('imei_length', 'an IMEI has 15 digits');
  }

  // 10. The desk's asset tags.
  if (options.assetTagPattern?.test(text)) return { kind: 'asset_tag', value: text.toUpperCase() };

  // 11. Anything else is a serial number if it looks like one; an Apple box label prints it behind an `S`.
  // 12. Words, sentences and fragments are not identifiers: recording one would invent a device.
  if (!SERIAL_CHARACTERS.test(text))
    return invalid('not_an_identifier', 'a serial number has only letters, digits, "-", "." and "/", no spaces');
  if (text.length > SERIAL_MAX) return invalid('too_long', `too long to be a serial number (at most ${SERIAL_MAX} characters)`);
  if (!/\d/.test(text)) return invalid('no_digit', 'a serial number has at least one digit');
  const value = text.toUpperCase();
  if (/^S[A-Z0-9]{10}$|^S[A-Z0-9]{12}$/.test(value)) return { kind: 'serial', value, alternatives: [value.slice(1)] };
  return { kind: 'serial', value };
}

function classifyNumber(
  text: string,
  hint: 'imei' | 'imeisv' | null,
  slot: 1 | 2 | undefined,
  invalid: (reason: InvalidReason, message: string, checkDigit?: CheckDigitMismatch) => ParsedScan,
): ParsedScan | null {
  if (!/^\d+$/.test(text)) return null;
  const withSlot = slot ? { slot } : {};
  // 3. IMEI.
  if (text.length === 15) {
    if (hasValidLuhn(text)) return { kind: 'imei', value: text, ...withSlot };
    const expected = luhnCheckDigit(text.slice(0, 14));
    const got = text.slice(14);
    return invalid('imei_check_digit', `the IMEI's check digit is ${got}, it should be ${expected}: a digit is wrong`, { got, expected });
  }
  // 4. IMEISV: a 14-digit body and a 2-digit software version.
  if (text.length === 16 && hint) {
    const body = text.slice(0, 14);
    return { kind: 'imei', value: `${body}${luhnCheckDigit(body)}`, svn: text.slice(14), ...withSlot };
  }
  if (hint) return null;
  // 6. ICCID (SIM card).
  if ((text.length === 19 || text.length === 20) && text.startsWith('89')) {
    if (hasValidLuhn(text)) return { kind: 'iccid', value: text };
    return invalid('iccid_check_digit', "the SIM card number's check digit is wrong");
  }
  // 7. GTIN: the model, not the device.
  if ([8, 12, 13, 14].includes(text.length) && hasValidGs1CheckDigit(text)) return { kind: 'gtin', value: text.padStart(14, '0') };
  return null;
}

function fromGs1(
  elements: Gs1Elements | null,
  invalid: (reason: InvalidReason, message: string) => ParsedScan,
): ParsedScan {
  const gtin = elements?.get('01');
  const serial = elements?.get('21');
  if (gtin !== undefined && !(/^\d{14}$/.test(gtin) && hasValidGs1CheckDigit(gtin)))
    return invalid('gtin_check_digit', "the GTIN's check digit is wrong");
  if (serial !== undefined) return { kind: 'serial', value: serial.toUpperCase(), ...(gtin ? { gtin } : {}) };
  if (gtin !== undefined) return { kind: 'gtin', value: gtin };
  return invalid('gs1_unsupported', 'GS1 data without a GTIN (01) or a serial number (21)');
}

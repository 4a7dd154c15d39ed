/**
 * Input reports byte for byte as HID POS scanners send them through node-hid (report id first,
 * 64 bytes), laid out as the vendors' manuals give them (see hid-pos-report.ts). Written out as
 * hex dumps, not built by code, so the parser is not only tested against its own inverse.
 */

export function fromHex(dump: string): Uint8Array {
  const bytes = dump.trim().split(/\s+/).map((h) => Number.parseInt(h, 16));
  if (bytes.some((b) => Number.isNaN(b) || b < 0 || b > 255)) throw new Error(`not a hex dump: ${dump}`);
  return Uint8Array.from(bytes);
}

/** Honeywell-style, Code 128 (`]C0`, code id `j`): an IMEI in one report. */
export const imeiReport = fromHex(`
  02 0f 5d 43 30 33 35 36 39 33 38 30 33 35 36 34
  33 38 30 39 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 6a 00 00`);
export const imeiText = '356938035643809';

/** Honeywell-style, GS1 Data Matrix (`]d2`, code id `w`): 66 bytes over two reports, GS inside. */
export const gs1Reports = [
  fromHex(`
  02 38 5d 64 32 30 31 30 34 30 31 32 33 34 35 36
  37 38 39 30 31 32 31 53 45 52 49 41 4c 2d 30 31
  32 33 34 35 36 37 38 39 41 42 43 44 45 46 1d 31
  30 4c 4f 54 2d 32 30 32 34 2d 31 31 2d 77 00 01`),
  fromHex(`
  02 0a 5d 64 32 41 1d 31 37 32 36 31 32 33 31 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 77 00 00`),
] as const;
export const gs1Text = '010401234567890121SERIAL-0123456789ABCDEF\u001d10LOT-2024-11-A\u001d17261231';

/** Honeywell-style, Code 128: a Samsung-style serial number. */
export const serialReport = fromHex(`
  02 0b 5d 43 30 52 35 38 4e 39 31 41 42 43 44 45
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 6a 00 00`);
export const serialText = 'R58N91ABCDE';

/** Newland-style plain layout: data right after the length, no AIM id, CR suffix, code id at 62. */
export const plainReport = fromHex(`
  02 10 53 4e 3a 43 30 32 58 4b 31 41 42 4a 47 35
  48 0d 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00`);
export const plainText = 'SN:C02XK1ABJG5H\r';

/** Not scanned data: another report id (a status/attribute report), a runt, an impossible length. */
export const garbage = {
  otherReportId: fromHex(`
  01 04 de ad be ef 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00`),
  runt: fromHex('02 05 5d'),
  impossibleLength: fromHex(`
  02 f0 5d 43 30 41 41 41 41 41 41 41 41 41 41 41
  41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41
  41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41
  41 41 41 41 41 41 41 41 41 41 41 41 41 6a 00 00`),
} as const;

/**
 * One input report of a HID point-of-sale barcode scanner (usage page 0x8C), as node-hid delivers
 * it: report id first. Scanners in "HID POS" mode send their scanned data in report 0x02,
 * fixed-length (64 bytes with the id), and split a long scan over several reports, flagging each
 * but the last as "continued" in bit 0 of the report's last byte.
 *
 * Two layouts are in the field:
 *
 * - `aim` (Honeywell, Access-IS and others):
 *     [0] report id 0x02 · [1] data length (0–56) · [2..4] AIM symbology identifier (`]C1`) ·
 *     [5..60] data, zero-padded · [61] the vendor's own code id · [62] reserved ·
 *     [63] bit 0: continued
 *   The 62 bytes between report id and flags carry length, AIM id, data, code id and a spare byte.
 * - `plain` (Newland-style engines and others that leave the AIM id out or put it in the data):
 *     [0] report id 0x02 · [1] data length · [2..] data, zero-padded · … · [last] bit 0: continued
 *
 * A report is read as `aim` when bytes 2–4 are an AIM identifier (`]` + letter + letter/digit),
 * or all three are zero (a scanner that reports "no identifier" there); otherwise as `plain`.
 */

export interface HidPosReport {
  reportId: number;
  layout: 'aim' | 'plain';
  /** AIM symbology identifier from bytes 2–4 (`aim` layout only). */
  symbology?: string;
  data: Uint8Array;
  continued: boolean;
  /** The vendor's code id byte (Honeywell's own symbology letter), when non-zero. */
  vendorCode?: number;
}

export type HidPosReportProblem = 'too_short' | 'unknown_report' | 'bad_length';

export type HidPosReportParse =
  | { ok: true; report: HidPosReport }
  | { ok: false; problem: HidPosReportProblem; detail: string };

export const SCANNED_DATA_REPORT_ID = 0x02;
/** Report id, length, 3 AIM bytes, code id, reserved, flags: the least a scanned-data report has. */
const MIN_REPORT_BYTES = 8;

const isAimLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isAimModifier = (b: number) => isAimLetter(b) || (b >= 0x30 && b <= 0x39);

function hex(bytes: Uint8Array, max = 8): string {
  const shown = [...bytes.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${shown} …` : shown;
}

export function parseHidPosReport(bytes: Uint8Array): HidPosReportParse {
  if (bytes.length < MIN_REPORT_BYTES) {
    return { ok: false, problem: 'too_short', detail: `a ${bytes.length}-byte report (${hex(bytes)}); scanned-data reports have at least ${MIN_REPORT_BYTES}` };
  }
  const reportId = bytes[0] ?? 0;
  if (reportId !== SCANNED_DATA_REPORT_ID) {
    return { ok: false, problem: 'unknown_report', detail: `report id 0x${reportId.toString(16).padStart(2, '0')} (${hex(bytes)}); scanned data comes in report 0x02` };
  }
  const length = bytes[1] ?? 0;
  const continued = ((bytes[bytes.length - 1] ?? 0) & 0x01) === 0x01;
  const [b2 = 0, b3 = 0, b4 = 0] = bytes.subarray(2, 5);
  const aim = b2 === 0x5d && isAimLetter(b3) && isAimModifier(b4);
  const noAim = b2 === 0 && b3 === 0 && b4 === 0;

  if (aim || noAim) {
    // id, length, AIM (3) before the data; code id, reserved, flags after it.
    const capacity = bytes.length - 8;
    if (length > capacity) return { ok: false, problem: 'bad_length', detail: `data length ${length} in a report with room for ${capacity} (${hex(bytes)})` };
    const vendorCode = bytes[bytes.length - 3] ?? 0;
    return {
      ok: true,
      report: {
        reportId,
        layout: 'aim',
        ...(aim ? { symbology: String.fromCharCode(b2, b3, b4) } : {}),
        data: bytes.slice(5, 5 + length),
        continued,
        ...(vendorCode !== 0 ? { vendorCode } : {}),
      },
    };
  }
  // id and length before the data; the flags byte after it.
  const capacity = bytes.length - 3;
  if (length > capacity) return { ok: false, problem: 'bad_length', detail: `data length ${length} in a report with room for ${capacity} (${hex(bytes)})` };
  return { ok: true, report: { reportId, layout: 'plain', data: bytes.slice(2, 2 + length), continued } };
}

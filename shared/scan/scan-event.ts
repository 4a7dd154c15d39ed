import { z } from 'zod';

/** Where a scan came from. All sources become the same ScanEvent and go through parseScan. */
export const scanSourceSchema = z.enum(['wedge', 'hid', 'camera', 'manual']);
export type ScanSource = z.infer<typeof scanSourceSchema>;

export const scanEventSchema = z.object({
  raw: z.string().max(4096),
  source: scanSourceSchema,
  /** Which scanner: a HID device path, a camera id; absent for the keyboard. */
  scanner: z.string().max(512).optional(),
  /** AIM symbology identifier (`]C1`, `]E0`, ...) when the source reported one apart from the data. */
  symbology: z.string().max(3).optional(),
  /** Barcode format name when the camera decoded it (`Code128`, `QRCode`, ...). */
  format: z.string().max(32).optional(),
  /** Milliseconds since the epoch when the scan completed (the scanner's Enter). */
  at: z.number(),
});
export type ScanEvent = z.infer<typeof scanEventSchema>;

/**
 * The text to parse: a HID scanner reports the AIM identifier apart from the data, and parseScan
 * needs it in front to recognise GS1 element strings.
 */
export function scanText(scan: Pick<ScanEvent, 'raw' | 'symbology'>): string {
  return scan.symbology && !scan.raw.startsWith(']') ? scan.symbology + scan.raw : scan.raw;
}

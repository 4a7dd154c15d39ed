import { scanEventSchema, type ScanEvent } from '../../shared/scan/scan-event';
import type { DecodedCode } from './worker-protocol';

/** An AIM identifier as ScanEvent carries it (`]C1`, `]E0`, `]d2`, `]Q3`). */
const aimIdentifier = /^\][A-Za-z][0-9A-Za-z]$/;

/**
 * A decoded code as the ScanEvent every scan source produces (source `camera`), or null when it
 * could not be one (longer than any label). `scanner` names the camera. The AIM identifier goes
 * into `symbology`, where parseScan finds GS1 (`]C1` for GS1-128, `]d2` for GS1 DataMatrix).
 */
export function cameraScan(code: DecodedCode, scanner: string, at: number): ScanEvent | null {
  const parsed = scanEventSchema.safeParse({
    raw: code.text,
    source: 'camera',
    scanner: scanner.slice(0, 512) || 'camera',
    ...(aimIdentifier.test(code.symbology) ? { symbology: code.symbology } : {}),
    format: code.format,
    at,
  });
  return parsed.success ? parsed.data : null;
}

import { gtinAsPrinted } from '../../shared/scan/gs1';
import { parseScan, type ParsedScan } from '../../shared/scan/parse';
import { scanText, type ScanEvent } from '../../shared/scan/scan-event';
import { scanOptions, type DeskSettings } from '../store/settings';

/**
 * How every screen reads a scan (the desk, the lookup, the routing between them): the scanner's
 * symbology kept in front of the text, so a GS1 label read by HID or camera keeps its `]C1`, and
 * the desk's asset-tag and badge patterns applied.
 */
export function readScan(scan: Pick<ScanEvent, 'raw' | 'symbology'>, settings: Pick<DeskSettings, 'assetTagPattern' | 'badgePattern'>): ParsedScan {
  return parseScan(scanText(scan), scanOptions(settings));
}

/**
 * What a scan puts into a form field that takes scans (`renderer/scanner/scan-field.ts`): a GTIN
 * field the box label's GTIN (an EAN-13 as read, or the GTIN inside a GS1 label), else the label
 * as read.
 */
export function scanFieldValue(takes: 'gtin' | 'text', scan: Pick<ScanEvent, 'raw' | 'symbology'>, settings: Pick<DeskSettings, 'assetTagPattern' | 'badgePattern'>): string {
  if (takes === 'text') return scan.raw;
  const read = readScan(scan, settings);
  // As the box prints it: the form shows what the operator can compare with the label.
  if (read.kind === 'gtin') return gtinAsPrinted(read.value);
  if (read.kind === 'serial' && read.gtin) return gtinAsPrinted(read.gtin);
  return scan.raw;
}

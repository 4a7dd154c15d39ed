import { parseScan, type ParsedScan } from '../../shared/scan/parse';
import { scanText, type ScanEvent } from '../../shared/scan/scan-event';
import { assetTagRegExp, type DeskSettings } from '../store/settings';

/**
 * How every screen reads a scan (the desk, the lookup, the routing between them): the scanner's
 * symbology kept in front of the text, so a GS1 label read by HID or camera keeps its `]C1`, and
 * the desk's asset-tag pattern applied.
 */
export function readScan(scan: Pick<ScanEvent, 'raw' | 'symbology'>, settings: Pick<DeskSettings, 'assetTagPattern'>): ParsedScan {
  return parseScan(scanText(scan), { assetTagPattern: assetTagRegExp(settings.assetTagPattern) });
}

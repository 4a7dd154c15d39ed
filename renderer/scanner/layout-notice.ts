import type { ScannerLayout, WedgeScan } from './wedge-detector';

/** What the operator is told when a scanner set to US layout typed on a PC with another layout. */
export interface LayoutNotice {
  /** What Kvikdesk read (the US reading, which went on as the scan). */
  read: string;
  /** What the PC's layout typed. */
  typed: string;
  /** Counts the corrected scans, so a repeat is noticed. */
  n: number;
}

/**
 * The notice after a wedge scan, given the one shown before. A corrected scan sets it — unless
 * the desk is set to `us`: then reading the keys as US is what the operator asked for, not news.
 * A scan read as the PC typed it clears it (the scanner has been set right, or the code had
 * nothing a layout changes).
 */
export function layoutNoticeOf(details: Pick<WedgeScan, 'raw' | 'corrected'>, layout: ScannerLayout, shown: LayoutNotice | null): LayoutNotice | null {
  if (layout === 'us') return null;
  if (details.corrected) return { read: details.raw, typed: details.corrected.from, n: (shown?.n ?? 0) + 1 };
  return null;
}

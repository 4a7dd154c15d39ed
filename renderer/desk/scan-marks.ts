/**
 * Marks along one scan's path (`performance.mark`), for the desk benchmark's account of where the
 * time goes (`tests/bench/parts/desk.ts`). Only when the page asked for them before the app
 * started (`window.__kvikScanMarks`): a desk's working day does not pile up timeline entries.
 */
export const SCAN_MARKS = ['scan-start', 'tx-open', 'found', 'decided', 'written', 'scan-committed', 'rendered'] as const;
export type ScanMark = (typeof SCAN_MARKS)[number];

const on = typeof window !== 'undefined' && (window as { __kvikScanMarks?: boolean }).__kvikScanMarks === true;

export function markScan(name: ScanMark): void {
  if (on) performance.mark(name);
}

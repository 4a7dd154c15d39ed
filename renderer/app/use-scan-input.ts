import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanEvent } from '../../shared/scan/scan-event';
import type { Platform } from '../platform/platform';
import { installKeyboardWedge } from '../scanner/keyboard-wedge';
import { layoutNoticeOf, type LayoutNotice } from '../scanner/layout-notice';
import type { ScannerLayout } from '../scanner/wedge-detector';

export interface ScanInput {
  /** Hands a scan from a source the renderer runs itself (the camera) to the same `onScan`. */
  deliver(scan: ScanEvent): void;
  /** Set when the wedge re-read a US-layout scanner's keys: shown calmly beside the scan result. */
  layoutNotice: LayoutNotice | null;
  dismissLayoutNotice(): void;
}

/**
 * Subscribes to every scan source for the app's lifetime — the keyboard wedge anywhere in the
 * window, the scanners the platform reads (raw HID), and the camera through `deliver` — and hands
 * each scan to the latest `onScan`, so a scan works on any screen with no field to click first.
 * The wedge is reinstalled when the desk's scanner layout setting changes.
 */
export function useScanInput(platform: Platform, onScan: (scan: ScanEvent) => void, scannerLayout: ScannerLayout = 'auto'): ScanInput {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  const [layoutNotice, setLayoutNotice] = useState<LayoutNotice | null>(null);

  const deliver = useCallback((scan: ScanEvent) => latest.current(scan), []);

  useEffect(() => platform.onScan(deliver), [platform, deliver]);

  useEffect(
    () =>
      installKeyboardWedge(window, { scannerLayout }, (scan, details) => {
        // A later scan read as typed shows the scanner is fine now; the notice goes.
        setLayoutNotice((shown) => layoutNoticeOf(details, scannerLayout, shown));
        deliver(scan);
      }),
    [scannerLayout, deliver],
  );

  const dismissLayoutNotice = useCallback(() => setLayoutNotice(null), []);
  return { deliver, layoutNotice, dismissLayoutNotice };
}

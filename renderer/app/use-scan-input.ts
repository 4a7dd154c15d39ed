import { useEffect, useRef } from 'react';
import type { ScanEvent } from '../../shared/scan/scan-event';
import type { Platform } from '../platform/platform';
import { installKeyboardWedge } from '../scanner/keyboard-wedge';

/**
 * Subscribes to every scan source once for the app's lifetime — the keyboard wedge anywhere in the
 * window and the scanners the platform reads (raw HID) — and hands each scan to the latest
 * `onScan`, so a scan works on any screen with no field to click first.
 */
export function useScanInput(platform: Platform, onScan: (scan: ScanEvent) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const deliver = (scan: ScanEvent) => latest.current(scan);
    const removeWedge = installKeyboardWedge(window, {}, deliver);
    const removePlatform = platform.onScan(deliver);
    return () => {
      removeWedge();
      removePlatform();
    };
  }, [platform]);
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { playTone } from '../feedback/sounds';
import type { Platform } from '../platform/platform';
import { installKeyboardWedge } from '../scanner/keyboard-wedge';
import { layoutNoticeOf, type LayoutNotice } from '../scanner/layout-notice';
import type { ScannerLayout } from '../scanner/wedge-detector';

/** A wedge scan that did not come through whole: the operator scans the label again. */
export interface ScanAgain {
  /** What was read of it. */
  read: string;
  /** Counts them, so the same text twice still flashes. */
  n: number;
}

export interface ScanInput {
  /** Hands a scan from a source the renderer runs itself (the camera) to the same `onScan`. */
  deliver(scan: ScanEvent): void;
  /** Set when the wedge re-read a US-layout scanner's keys: shown calmly beside the scan result. */
  layoutNotice: LayoutNotice | null;
  dismissLayoutNotice(): void;
  /** Set when the last wedge scan had no terminator where one was expected; cleared by the next scan. */
  scanAgain: ScanAgain | null;
}

export interface ScanInputSettings {
  scannerLayout: ScannerLayout;
  sound: boolean;
}

/**
 * Subscribes to every scan source for the app's lifetime — the keyboard wedge anywhere in the
 * window, the scanners the platform reads (raw HID), and the camera through `deliver` — and hands
 * each scan to the latest `onScan`, so a scan works on any screen with no field to click first.
 * A wedge scan that did not come through whole is no scan: it sounds the warning and sets
 * `scanAgain`. The wedge is reinstalled when the desk's scanner layout setting changes.
 */
export function useScanInput(platform: Platform, onScan: (scan: ScanEvent) => void, settings: ScanInputSettings): ScanInput {
  const { scannerLayout, sound } = settings;
  const latest = useRef(onScan);
  const soundOn = useRef(sound);
  useEffect(() => {
    latest.current = onScan;
    soundOn.current = sound;
  }, [onScan, sound]);
  const [layoutNotice, setLayoutNotice] = useState<LayoutNotice | null>(null);
  const [scanAgain, setScanAgain] = useState<ScanAgain | null>(null);
  const incompleteScans = useRef(0);

  const deliver = useCallback((scan: ScanEvent) => {
    setScanAgain(null);
    latest.current(scan);
  }, []);

  useEffect(() => platform.onScan(deliver), [platform, deliver]);

  useEffect(
    () =>
      installKeyboardWedge(
        window,
        { scannerLayout },
        (scan, details) => {
          // A later scan read as typed shows the scanner is fine now; the notice goes.
          setLayoutNotice((shown) => layoutNoticeOf(details, scannerLayout, shown));
          deliver(scan);
        },
        (details) => {
          setScanAgain({ read: details.raw, n: ++incompleteScans.current });
          playTone('warning', soundOn.current);
        },
      ),
    [scannerLayout, deliver],
  );

  const dismissLayoutNotice = useCallback(() => setLayoutNotice(null), []);
  return { deliver, layoutNotice, dismissLayoutNotice, scanAgain };
}

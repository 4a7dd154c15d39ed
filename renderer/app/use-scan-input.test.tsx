// @vitest-environment jsdom
import { withGlobal } from '@sinonjs/fake-timers';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { createFakePlatform } from '../platform/fake';
import { scannerKeys } from '../scanner/testing/keyboards';
import type { ScannerLayout, WedgeKey } from '../scanner/wedge-detector';
import { useScanInput, type ScanInput } from './use-scan-input';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

/** A platform whose raw HID scans the test sends itself. */
function fakePlatform() {
  const fake = createFakePlatform();
  return { platform: fake.platform, send: fake.scan, listening: fake.scanListeners };
}

function press(keys: WedgeKey[]): void {
  act(() => {
    for (const key of keys) {
      const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: key.time });
      document.body.dispatchEvent(event);
    }
  });
}

/** A US-layout scanner on a Danish PC: the PC types `S-NÆ ABC+123`. */
const usScannerOnDanishPc = (start: number) => scannerKeys('S/N: ABC-123', { start, gap: () => 5, scanner: 'us', host: 'da', terminator: 'Enter' });

describe('useScanInput', () => {
  let root: Root;
  let container: HTMLDivElement;
  let scans: ScanEvent[];
  let input: ScanInput | undefined;
  const fake = fakePlatform();

  function Probe({ layout }: { layout: ScannerLayout }) {
    input = useScanInput(fake.platform, (scan) => scans.push(scan), { scannerLayout: layout, sound: false });
    return null;
  }
  const render = (layout: ScannerLayout) => act(() => root.render(<Probe layout={layout} />));

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    scans = [];
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('hands wedge, platform and camera scans to the one onScan, and lets go on unmount', () => {
    render('auto');
    press(scannerKeys('356938035643809', { start: 0, gap: () => 5, terminator: 'Enter' }));
    fake.send({ raw: 'HID123', source: 'hid', at: 1 });
    act(() => input?.deliver({ raw: 'CAM456', source: 'camera', format: 'Code128', at: 2 }));
    expect(scans.map((s) => [s.source, s.raw])).toEqual([
      ['wedge', '356938035643809'],
      ['hid', 'HID123'],
      ['camera', 'CAM456'],
    ]);
    act(() => root.unmount());
    root = createRoot(container);
    expect(fake.listening()).toBe(0);
    press(scannerKeys('356938035643809', { start: 5000, gap: () => 5, terminator: 'Enter' }));
    expect(scans).toHaveLength(3);
  });

  it('reads the keys by the desk setting, reinstalling the wedge when it changes, and raises the notice only on auto', () => {
    render('host');
    press(usScannerOnDanishPc(0));
    expect(scans.at(-1)?.raw).toBe('S-NÆ ABC+123');
    expect(input?.layoutNotice).toBeNull();

    render('auto');
    press(usScannerOnDanishPc(5000));
    expect(scans.at(-1)?.raw).toBe('S/N: ABC-123');
    expect(input?.layoutNotice).toEqual({ read: 'S/N: ABC-123', typed: 'S-NÆ ABC+123', n: 1 });
    press(usScannerOnDanishPc(10_000));
    expect(input?.layoutNotice?.n).toBe(2);
    act(() => input?.dismissLayoutNotice());
    expect(input?.layoutNotice).toBeNull();

    press(usScannerOnDanishPc(15_000));
    expect(input?.layoutNotice).not.toBeNull();
    // A scan read as typed (the scanner has been set right) takes the notice away.
    press(scannerKeys('356938035643809', { start: 20_000, gap: () => 5, scanner: 'da', host: 'da', terminator: 'Enter' }));
    expect(input?.layoutNotice).toBeNull();

    // 'us': the operator said so; corrected, and nothing to tell.
    render('us');
    press(usScannerOnDanishPc(25_000));
    expect(scans.at(-1)?.raw).toBe('S/N: ABC-123');
    expect(input?.layoutNotice).toBeNull();
    // Exactly one wedge is installed after the changes: one scan, one event.
    expect(scans.filter((s) => s.raw === 'S/N: ABC-123')).toHaveLength(4);
  });

  it('tells the operator to scan again when a wedge scan did not come through whole, until the next scan', () => {
    const clock = withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout', 'performance'], now: 100_000 });
    try {
      render('auto');
      const imei = '352906114004528';
      // The scanner's Enter never came.
      press(scannerKeys(imei, { start: performance.now(), gap: () => 5, terminator: null }));
      act(() => clock.tick(5000));
      expect(scans).toEqual([]);
      expect(input?.scanAgain).toEqual({ read: imei, n: 1 });
      press(scannerKeys(imei, { start: performance.now(), gap: () => 5, terminator: 'Enter' }));
      expect(scans.map((s) => s.raw)).toEqual([imei]);
      expect(input?.scanAgain).toBeNull();
    } finally {
      act(() => root.unmount());
      root = createRoot(container);
      clock.uninstall();
    }
  });
});

// @vitest-environment jsdom
import { withGlobal, type Clock } from '@sinonjs/fake-timers';
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { installKeyboardWedge } from './keyboard-wedge';
import { personKeys, scannerKeys, seeded } from './testing/keyboards';
import { recordedKey, recordedScans } from './testing/recorded-scans';
import type { WedgeKey, WedgeOptions, WedgeScan } from './wedge-detector';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

/**
 * What a browser does with a keydown, as far as these tests need: dispatch it at the focused
 * element (or the body) with the given time, and unless a listener prevented it, type the
 * character into a focused field with an `input` event, as the browser's default action does.
 */
function press(key: WedgeKey): KeyboardEvent {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: key.time });
  const typed = target.dispatchEvent(event);
  const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
  if (typed && field && [...key.key].length === 1 && !key.ctrlKey) {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    const next = field.value.slice(0, start) + key.key + field.value.slice(end);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, next);
    field.setSelectionRange(start + 1, start + 1);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return event;
}

function typeAll(keys: WedgeKey[]): KeyboardEvent[] {
  return keys.map((key) => {
    let event: KeyboardEvent | undefined;
    act(() => {
      event = press(key);
    });
    if (!event) throw new Error('no event');
    return event;
  });
}

/** A search-as-you-type field as the desk has them: controlled, searching on every change, Enter submits. */
function SearchField(props: { searches: string[]; submits: string[] }) {
  const [query, setQuery] = useState('');
  return createElement('input', {
    'aria-label': 'search',
    value: query,
    onChange: (e: { target: HTMLInputElement }) => {
      setQuery(e.target.value);
      props.searches.push(e.target.value);
    },
    onKeyDown: (e: { key: string }) => {
      if (e.key === 'Enter') props.submits.push(query);
    },
  });
}

/**
 * The page's clock (timers and `performance.now()`, which key timestamps are measured against),
 * driven by the test: `tick` lets time pass on an idle page, timers running on time; `jump` is a
 * long task — time passes, and the timers that came due run once at its end, late, before the
 * keys that were queued meanwhile are handled (as Chromium does).
 */
let clock: Clock;

/** A key pressed at its time and handled when the page got to it. */
type Timed = WedgeKey & { handledAt: number };

describe('installKeyboardWedge', () => {
  let root: Root;
  let container: HTMLDivElement;
  let scans: Array<{ scan: ScanEvent; details: WedgeScan }>;
  let incomplete: WedgeScan[];
  let uninstall: () => void;
  let searches: string[];
  let submits: string[];

  const install = (options: Partial<WedgeOptions> = {}) => {
    uninstall();
    uninstall = installKeyboardWedge(window, options, (scan, details) => scans.push({ scan, details }), (details) => incomplete.push(details));
  };

  beforeEach(() => {
    clock = withGlobal(globalThis).install({ toFake: ['setTimeout', 'clearTimeout', 'performance'], now: 0 });
    clock.tick(10_000);
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    searches = [];
    submits = [];
    act(() => root.render(createElement(SearchField, { searches, submits })));
    scans = [];
    incomplete = [];
    uninstall = () => {};
    install();
  });

  afterEach(() => {
    uninstall();
    act(() => root.unmount());
    container.remove();
    clock.uninstall();
  });

  const input = () => {
    const element = container.querySelector('input');
    if (!element) throw new Error('no input');
    return element;
  };
  const raws = () => scans.map((s) => s.scan.raw);
  const now = () => performance.now();

  it('takes a scan out of a focused search field: value restored, Enter never reaches the field', () => {
    input().focus();
    const events = typeAll(scannerKeys('356938035643809', { start: 1000, gap: () => 6, terminator: 'Enter' }));
    expect(scans.map((s) => s.scan)).toEqual([{ raw: '356938035643809', source: 'wedge', at: expect.any(Number) }]);
    expect(input().value).toBe('');
    // React saw the first three characters and then the restore: its state is empty again.
    expect(searches).toEqual(['3', '35', '356', '']);
    expect(submits).toEqual([]);
    expect(events.at(-1)?.defaultPrevented).toBe(true);
  });

  it('restores what the operator had typed before the scan', () => {
    input().focus();
    typeAll(personKeys('ipad', 0, seeded(2)));
    expect(input().value).toBe('ipad');
    typeAll(scannerKeys('DMPXK1ABJG5H', { start: 2000, gap: () => 5, terminator: 'Tab' }));
    expect(scans.map((s) => s.scan.raw)).toEqual(['DMPXK1ABJG5H']);
    expect(input().value).toBe('ipad');
    expect(searches.at(-1)).toBe('ipad');
  });

  it('takes a lagging first key of a scan out of the field as well', () => {
    input().focus();
    typeAll(personKeys('ipad', 0, seeded(2)));
    const gaps = [40, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    let i = 0;
    typeAll(scannerKeys('R58N91ABCDE', { start: 2000, gap: () => gaps[i++] ?? 5, terminator: 'Enter' }));
    expect(scans.map((s) => s.scan.raw)).toEqual(['R58N91ABCDE']);
    expect(input().value).toBe('ipad');
    expect(submits).toEqual([]);
  });

  it('leaves normal typing in fields alone, Enter included', () => {
    input().focus();
    const events = typeAll(personKeys('find 3569\n', 0, seeded(4)));
    expect(scans).toEqual([]);
    expect(input().value).toBe('find 3569');
    expect(submits).toEqual(['find 3569']);
    expect(events.some((e) => e.defaultPrevented)).toBe(false);
  });

  it('catches a scan with nothing focused, and keeps a focused button from being pressed', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    typeAll(scannerKeys('KVIK:DONE', { start: 0, gap: () => 4, terminator: 'Enter' }));
    expect(scans.map((s) => s.scan.raw)).toEqual(['KVIK:DONE']);

    const button = document.createElement('button');
    let clicks = 0;
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') clicks += 1;
    });
    document.body.append(button);
    button.focus();
    const events = typeAll(scannerKeys('SERIAL42', { start: 5000, gap: () => 4, terminator: 'Enter' }));
    expect(scans.map((s) => s.scan.raw)).toEqual(['KVIK:DONE', 'SERIAL42']);
    expect(clicks).toBe(0);
    expect(events.at(-1)?.defaultPrevented).toBe(true);
    button.remove();
  });

  it('hands the layout correction to the listener', () => {
    typeAll(scannerKeys('S/N: ABC-123', { start: 0, gap: () => 5, scanner: 'us', host: 'da', terminator: 'Enter' }));
    expect(scans[0]?.scan.raw).toBe('S/N: ABC-123');
    expect(scans[0]?.details.corrected).toEqual({ from: 'S-NÆ ABC+123', layout: 'us' });
  });

  it('ends a scan by silence where the scanners send no terminator, and restores the field', () => {
    install({ expectTerminator: false });
    input().focus();
    typeAll(scannerKeys('ABCD12345', { start: now(), gap: () => 5, terminator: null }));
    expect(scans).toEqual([]);
    act(() => clock.tick(1000));
    expect(scans.map((s) => [s.scan.raw, s.details.ending])).toEqual([['ABCD12345', 'timeout']]);
    expect(input().value).toBe('');
  });

  it('keeps a terminator handled after the scan ended by silence from pressing the focused button', () => {
    install({ expectTerminator: false });
    const button = document.createElement('button');
    let presses = 0;
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') presses += 1;
    });
    document.body.append(button);
    button.focus();
    // The scanner sent Enter 6 ms after the last digit, but the page handles it after the scan ended.
    const keys = scannerKeys('356938035643809', { start: now(), gap: () => 6, terminator: 'Enter' });
    const enter = keys.pop();
    if (!enter) throw new Error('no Enter');
    typeAll(keys);
    act(() => clock.tick(1000));
    const [late] = typeAll([enter]);
    expect(scans.map((s) => [s.scan.raw, s.details.ending])).toEqual([['356938035643809', 'timeout']]);
    expect(late?.defaultPrevented).toBe(true);
    expect(presses).toBe(0);
    expect(incomplete).toEqual([]);

    // An Enter the operator presses well after a scan is theirs.
    const [own] = typeAll([{ ...enter, time: now() }]);
    expect(own?.defaultPrevented).toBe(false);
    expect(presses).toBe(1);
    button.remove();
  });

  it('stops listening once uninstalled', () => {
    uninstall();
    input().focus();
    typeAll(scannerKeys('356938035643809', { start: 0, gap: () => 5, terminator: 'Enter' }));
    expect(scans).toEqual([]);
    expect(input().value).toBe('356938035643809');
    expect(submits).toEqual(['356938035643809']);
  });

  describe('on a busy page', () => {
    /** The page idle until each key is handled (its timers run on time), then the key. */
    function handleAt(keys: Timed[]): void {
      for (const { handledAt, ...key } of keys) {
        act(() => clock.tick(Math.max(0, handledAt - now())));
        typeAll([key]);
      }
    }

    /** A long task of `ms`: timers that came due run at its end, before the keys queued meanwhile. */
    const longTask = (ms: number) => act(() => clock.jump(ms));
    const settle = () => act(() => clock.tick(5000));

    it('keeps each label recorded on a loaded machine one whole scan, however its keys were held up', () => {
      input().focus();
      for (const recording of recordedScans) {
        const start = now() + 500;
        handleAt(recording.keys.map((k) => ({ ...recordedKey(k, start), handledAt: k[4] + start })));
        settle();
      }
      expect(raws()).toEqual(recordedScans.map((r) => r.text));
      expect(incomplete).toEqual([]);
      expect(input().value).toBe('');
      expect(submits).toEqual([]);
    });

    it('does not let a timer that runs late, before the queued rest of a scan, cut it (IMEI 352906114004528)', () => {
      input().focus();
      const keys = scannerKeys('352906114004528', { start: now(), gap: () => 5, terminator: 'Enter' });
      typeAll(keys.slice(0, 8));
      // The page is busy for 300 ms; the scanner's other keys wait, and are then handled in one go.
      longTask(300);
      typeAll(keys.slice(8));
      settle();
      expect(raws()).toEqual(['352906114004528']);
      expect(input().value).toBe('');
    });

    it('keeps the first keys of a scan typed before a timer ran, and takes them back out of the field', () => {
      input().focus();
      const keys = scannerKeys('356938035643809', { start: now(), gap: () => 5, terminator: 'Enter' });
      // Three keys reach the field before anything can tell a scanner; then the page is busy.
      typeAll(keys.slice(0, 3));
      expect(input().value).toBe('356');
      longTask(200);
      typeAll(keys.slice(3));
      settle();
      expect(raws()).toEqual(['356938035643809']);
      expect(input().value).toBe('');
      expect(submits).toEqual([]);
    });

    it('does not deliver a scan whose terminator never came: the operator is told to scan again', () => {
      input().focus();
      typeAll(scannerKeys('352906114004528', { start: now(), gap: () => 5, terminator: null }));
      settle();
      expect(scans).toEqual([]);
      expect(incomplete.map((s) => s.raw)).toEqual(['352906114004528']);
      expect(input().value).toBe('');
    });

    it('completes a scan reported incomplete when its rest still comes, by the rest\'s timestamps', () => {
      const keys = scannerKeys('352906114004528', { start: now(), gap: () => 5, terminator: 'Enter' });
      typeAll(keys.slice(0, 7));
      // The rest is held up longer than anyone waits for a terminator.
      settle();
      expect(incomplete.map((s) => s.raw)).toEqual(['3529061']);
      typeAll(keys.slice(7));
      expect(raws()).toEqual(['352906114004528']);
    });

    it('takes the same text twice without a terminator for a scanner that sends none, and ends its next scans by silence', () => {
      const label = (text: string) => {
        typeAll(scannerKeys(text, { start: now(), gap: () => 5, terminator: null }));
        settle();
      };
      label('C02XK1ABJG5H');
      expect(raws()).toEqual([]);
      label('C02XK1ABJG5H');
      expect(raws()).toEqual(['C02XK1ABJG5H']);
      label('356938035643809');
      expect(raws()).toEqual(['C02XK1ABJG5H', '356938035643809']);
      expect(incomplete.map((s) => s.raw)).toEqual(['C02XK1ABJG5H']);
      // A scan with a terminator: the scanner sends one after all, and is expected to again.
      typeAll(scannerKeys('KVIK:DONE', { start: now(), gap: () => 5, terminator: 'Enter' }));
      label('352906114004528');
      expect(raws()).toEqual(['C02XK1ABJG5H', '356938035643809', 'KVIK:DONE']);
    });

    describe('where the scanners send no terminator', () => {
      beforeEach(() => install({ expectTerminator: false }));

      it('keeps each recorded label one whole scan, however its keys were held up', () => {
        input().focus();
        for (const recording of recordedScans) {
          const keys = recording.keys.filter(([key]) => key !== 'Enter');
          const start = now() + 500;
          handleAt(keys.map((k) => ({ ...recordedKey(k, start), handledAt: k[4] + start })));
          settle();
        }
        expect(raws()).toEqual(recordedScans.map((r) => r.text));
        expect(input().value).toBe('');
      });

      it('does not end a scan at a timer that ran late: what came meanwhile may be queued', () => {
        const keys = scannerKeys('352906114004528', { start: now(), gap: () => 5, terminator: null });
        typeAll(keys.slice(0, 8));
        longTask(300);
        // The overdue timer ran at the end of the long task, then the queued keys come one by one.
        act(() => clock.tick(100));
        typeAll(keys.slice(8));
        settle();
        expect(raws()).toEqual(['352906114004528']);
      });

      it('never makes the rest of a label that comes after its scan ended a scan of its own', () => {
        const keys = scannerKeys('352906114004528', { start: now(), gap: () => 5, terminator: null });
        typeAll(keys.slice(0, 8));
        settle();
        typeAll(keys.slice(8));
        settle();
        expect(raws()).toEqual(['35290611']);
        expect(incomplete.map((s) => s.raw)).toEqual(['352906114004528']);
      });
    });

    it('still never takes a fast typist for a scanner, with the page busy in between', () => {
      input().focus();
      const keys = personKeys('find 3569 hurtigt\n', now(), seeded(11));
      keys.forEach((key, i) => {
        if (i % 5 === 4) longTask(120);
        act(() => clock.tick(Math.max(0, key.time - now())));
        typeAll([key]);
      });
      settle();
      expect(scans).toEqual([]);
      expect(incomplete).toEqual([]);
      expect(input().value).toBe('find 3569 hurtigt');
      expect(submits).toEqual(['find 3569 hurtigt']);
    });
  });
});

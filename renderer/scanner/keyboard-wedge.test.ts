// @vitest-environment jsdom
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../shared/scan/scan-event';
import { installKeyboardWedge } from './keyboard-wedge';
import { personKeys, scannerKeys, seeded } from './testing/keyboards';
import type { WedgeKey, WedgeScan } from './wedge-detector';

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

describe('installKeyboardWedge', () => {
  let root: Root;
  let container: HTMLDivElement;
  let scans: Array<{ scan: ScanEvent; details: WedgeScan }>;
  let uninstall: () => void;
  let searches: string[];
  let submits: string[];

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    searches = [];
    submits = [];
    act(() => root.render(createElement(SearchField, { searches, submits })));
    scans = [];
    uninstall = installKeyboardWedge(window, {}, (scan, details) => scans.push({ scan, details }));
  });

  afterEach(() => {
    uninstall();
    act(() => root.unmount());
    container.remove();
  });

  const input = () => {
    const element = container.querySelector('input');
    if (!element) throw new Error('no input');
    return element;
  };

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

  it('ends a scan without terminator after the silence and restores the field', async () => {
    input().focus();
    typeAll(scannerKeys('ABCD12345', { start: 0, gap: () => 5, terminator: null }));
    expect(scans).toEqual([]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 120)));
    expect(scans.map((s) => [s.scan.raw, s.details.ending])).toEqual([['ABCD12345', 'timeout']]);
    expect(input().value).toBe('');
  });

  it('keeps a terminator the page handles after the silence timer from pressing the focused button', async () => {
    const button = document.createElement('button');
    let presses = 0;
    button.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') presses += 1;
    });
    document.body.append(button);
    button.focus();
    // The scanner sent Enter 6 ms after the last digit, but a busy page handles it after the timer.
    const keys = scannerKeys('356938035643809', { start: 0, gap: () => 6, terminator: 'Enter' });
    const enter = keys.pop();
    if (!enter) throw new Error('no Enter');
    typeAll(keys);
    await act(() => new Promise((resolve) => setTimeout(resolve, 120)));
    const [late] = typeAll([enter]);
    expect(scans.map((s) => [s.scan.raw, s.details.ending])).toEqual([['356938035643809', 'timeout']]);
    expect(late?.defaultPrevented).toBe(true);
    expect(presses).toBe(0);

    // An Enter the operator presses well after a scan is theirs.
    const [own] = typeAll([{ ...enter, time: enter.time + 2000 }]);
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
});

import type { CDPSession, Page } from 'playwright-core';

/**
 * A keyboard-wedge scanner for end-to-end tests, exact to the millisecond on any machine: each key
 * is a real (trusted) key event sent through the DevTools protocol with its own timestamp, which
 * becomes the event's `timeStamp` in the page. Keys go out back to back, so a loaded test machine
 * cannot stretch the gaps the way awaited keystrokes would; what the page sees is a scanner
 * sending keys `gapMs` apart, Shift keys included, ending in Enter (unless `enter: false`) — as a
 * US-layout scanner types.
 *
 * `stall` makes the page busy in the middle of the scan: after that many keys, a loop that blocks
 * the page's thread for `ms` goes out on the same DevTools session, so the page handles the first
 * keys, then the long task, then the rest of the scan late and in a bunch.
 */

interface KeyStroke {
  key: string;
  code: string;
  keyCode: number;
  shift: boolean;
  text?: string;
}

const SHIFT = 8;
const symbols: Record<string, [code: string, keyCode: number, shift: boolean]> = {
  ' ': ['Space', 32, false], '-': ['Minus', 189, false], _: ['Minus', 189, true], '=': ['Equal', 187, false], '+': ['Equal', 187, true],
  ';': ['Semicolon', 186, false], ':': ['Semicolon', 186, true], '/': ['Slash', 191, false], '?': ['Slash', 191, true],
  '.': ['Period', 190, false], '>': ['Period', 190, true], ',': ['Comma', 188, false], '<': ['Comma', 188, true],
  '(': ['Digit9', 57, true], ')': ['Digit0', 48, true], '[': ['BracketLeft', 219, false], ']': ['BracketRight', 221, false],
  '#': ['Digit3', 51, true], '*': ['Digit8', 56, true], '&': ['Digit7', 55, true],
};

function stroke(ch: string): KeyStroke {
  if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), shift: false, text: ch };
  if (/^[a-z]$/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, keyCode: ch.toUpperCase().charCodeAt(0), shift: false, text: ch };
  if (/^[A-Z]$/.test(ch)) return { key: ch, code: `Key${ch}`, keyCode: ch.charCodeAt(0), shift: true, text: ch };
  const symbol = symbols[ch];
  if (!symbol) throw new Error(`the test scanner cannot type ${JSON.stringify(ch)}`);
  const [code, keyCode, shift] = symbol;
  return { key: ch, code, keyCode, shift, text: ch };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

export interface WedgeScanOptions {
  stall?: { afterKeys: number; ms: number };
  /** `false`: a scanner that ends its scan with no Enter (or whose Enter got lost). */
  enter?: boolean;
  /**
   * `false`: key-downs only. The wedge reads no key-up, and each event is a round trip to the
   * page: without them a long run of scans on a loaded machine takes half the time.
   */
  keyUps?: boolean;
}

export async function wedgeScan(page: Page, text: string, gapMs = 5, options: WedgeScanOptions = {}): Promise<void> {
  const cdp = await session(page);
  const start = Date.now() / 1000;
  const sends: Array<Promise<unknown>> = [];
  const send = (type: 'keyDown' | 'keyUp', s: KeyStroke, t: number, modifiers: number) =>
    sends.push(
      cdp.send('Input.dispatchKeyEvent', {
        type,
        key: s.key,
        code: s.code,
        windowsVirtualKeyCode: s.keyCode,
        modifiers,
        timestamp: t,
        ...(type === 'keyDown' && s.text !== undefined ? { text: s.text, unmodifiedText: s.text } : {}),
      }),
    );
  const shiftKey: KeyStroke = { key: 'Shift', code: 'ShiftLeft', keyCode: 16, shift: false };
  const enter: KeyStroke = { key: 'Enter', code: 'Enter', keyCode: 13, shift: false, text: '\r' };
  const strokes = [...[...text].map(stroke), ...(options.enter === false ? [] : [enter])];
  const { stall } = options;
  strokes.forEach((s, i) => {
    if (stall && i === stall.afterKeys) {
      const block = `{ const end = performance.now() + ${Number(stall.ms)}; while (performance.now() < end); }`;
      sends.push(cdp.send('Runtime.evaluate', { expression: block }));
    }
    const t = start + (i * gapMs) / 1000;
    if (s.shift) send('keyDown', shiftKey, t - 0.001, SHIFT);
    send('keyDown', s, t, s.shift ? SHIFT : 0);
    if (options.keyUps === false) return;
    send('keyUp', s, t + 0.001, s.shift ? SHIFT : 0);
    if (s.shift) send('keyUp', shiftKey, t + 0.002, 0);
  });
  await Promise.all(sends);
}

import type { WedgeKey } from '../wedge-detector';

/**
 * Keyboards and typists for the wedge tests: what a scanner or a person produces as keydown
 * records on a PC with a given layout. A scanner presses physical keys for its own layout; the
 * PC's layout decides the `key` each press reports.
 */

type Layout = Map<string, readonly [plain: string, shifted: string]>;

function layout(rows: Array<[codes: string[], plain: string[], shifted: string[]]>): Layout {
  const map: Layout = new Map();
  for (const [codes, plain, shifted] of rows) codes.forEach((code, i) => map.set(code, [plain[i] ?? '', shifted[i] ?? '']));
  for (let c = 0; c < 26; c++) {
    const lower = String.fromCharCode(97 + c);
    map.set(`Key${lower.toUpperCase()}`, [lower, lower.toUpperCase()]);
  }
  return map;
}

const digits = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0'];
const punctuation = ['Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Backslash', 'Semicolon', 'Quote', 'Backquote', 'Comma', 'Period', 'Slash', 'Space', 'IntlBackslash'];

export const US: Layout = layout([
  [digits, [...'1234567890'], [...'!@#$%^&*()']],
  [punctuation, [...'-=[]\\;\'`,./ \\'], [...'_+{}|:"~<>? |']],
]);

/** Danish (Windows): ´ ` ¨ ^ are dead keys and report `Dead`. */
export const DA: Layout = layout([
  [digits, [...'1234567890'], [...'!"#¤%&/()=']],
  [punctuation, ['+', 'Dead', 'å', 'Dead', "'", 'æ', 'ø', '½', ',', '.', '-', ' ', '<'], ['?', 'Dead', 'Å', 'Dead', '*', 'Æ', 'Ø', '§', ';', ':', '_', ' ', '>']],
]);

/** Danish AltGr (Ctrl+Alt) characters a Danish-layout scanner needs for ASCII. */
const DA_ALTGR: Record<string, string> = { '@': 'Digit2', $: 'Digit4', '{': 'Digit7', '[': 'Digit8', ']': 'Digit9', '}': 'Digit0', '|': 'Equal', '\\': 'IntlBackslash' };

interface Press {
  code: string;
  shiftKey: boolean;
  altGr: boolean;
}

function pressFor(char: string, scanner: 'us' | 'da'): Press {
  const table = scanner === 'us' ? US : DA;
  for (const [code, [plain, shifted]] of table) {
    if (plain === char) return { code, shiftKey: false, altGr: false };
    if (shifted === char) return { code, shiftKey: true, altGr: false };
  }
  const altGrCode = scanner === 'da' ? DA_ALTGR[char] : undefined;
  if (altGrCode) return { code: altGrCode, shiftKey: false, altGr: true };
  throw new Error(`a ${scanner} keyboard has no key for ${JSON.stringify(char)}`);
}

function keyOnHost(press: Press, host: 'us' | 'da', char: string): string {
  if (press.altGr) return char;
  const entry = (host === 'us' ? US : DA).get(press.code);
  if (!entry) throw new Error(`no ${press.code} on ${host}`);
  return entry[press.shiftKey ? 1 : 0];
}

/** A small seeded generator, so random timings are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function between(random: () => number, low: number, high: number): number {
  return low + random() * (high - low);
}

export interface ScannerTyping {
  /** Time of the first key. */
  start: number;
  /** Gap before each following key. */
  gap: () => number;
  /** The layout the scanner is set to and the PC's layout. */
  scanner?: 'us' | 'da';
  host?: 'us' | 'da';
  terminator?: 'Enter' | 'Tab' | null;
  /** Send GS (`\u001d` in the text) as this key press instead of Ctrl+]. */
  groupSeparator?: Omit<WedgeKey, 'time' | 'repeat'>;
}

const noMods = { shiftKey: false, ctrlKey: false, altKey: false };

/**
 * The keydown records of a scanner typing `text`, Shift keydowns included as a real scanner sends
 * them (1 ms before the key they shift).
 */
export function scannerKeys(text: string, typing: ScannerTyping): WedgeKey[] {
  const scanner = typing.scanner ?? 'us';
  const host = typing.host ?? 'us';
  const keys: WedgeKey[] = [];
  let time = typing.start;
  [...text].forEach((char, i) => {
    if (i > 0) time += typing.gap();
    if (char === '\u001d') {
      const gs = typing.groupSeparator ?? { key: host === 'us' ? ']' : 'Dead', code: 'BracketRight', shiftKey: false, ctrlKey: true, altKey: false };
      keys.push({ key: 'Control', code: 'ControlLeft', ...noMods, ctrlKey: true, time: time - 1 });
      keys.push({ ...gs, time });
      return;
    }
    const press = pressFor(char, scanner);
    if (press.shiftKey) keys.push({ key: 'Shift', code: 'ShiftLeft', ...noMods, shiftKey: true, time: time - 1 });
    const key = keyOnHost(press, host, char);
    keys.push({ key, code: press.code, shiftKey: press.shiftKey, ctrlKey: press.altGr, altKey: press.altGr, time });
  });
  if (typing.terminator) {
    time += typing.gap();
    keys.push({ key: typing.terminator, code: typing.terminator, ...noMods, time });
  }
  return keys;
}

/**
 * A person typing `text` on a US keyboard: 40–150 ms between keys, and now and then a quick roll
 * over two or three keys (8–30 ms apart), as fast typists do.
 */
export function personKeys(text: string, start: number, random: () => number): WedgeKey[] {
  const keys: WedgeKey[] = [];
  let time = start;
  // Short gaps still to come in the current roll; a roll is always followed by a normal gap.
  let rollLeft = 0;
  let rolled = false;
  [...text].forEach((char, i) => {
    if (i > 0) {
      if (rollLeft > 0) {
        rollLeft -= 1;
        rolled = true;
        time += between(random, 8, 30);
      } else if (!rolled && random() < 0.2) {
        rollLeft = random() < 0.5 ? 0 : 1;
        rolled = true;
        time += between(random, 8, 30);
      } else {
        rolled = false;
        time += between(random, 40, 150);
      }
    }
    if (char === '\n') {
      keys.push({ key: 'Enter', code: 'Enter', ...noMods, time });
      return;
    }
    const press = pressFor(char, 'us');
    if (press.shiftKey) keys.push({ key: 'Shift', code: 'ShiftLeft', ...noMods, shiftKey: true, time: time - 5 });
    keys.push({ key: char, code: press.code, shiftKey: press.shiftKey, ctrlKey: false, altKey: false, time });
  });
  return keys;
}

import { usCharacter } from './us-layout';

/**
 * Tells a keyboard-wedge scanner from a person by timing, and turns a scanner's keys into one scan.
 *
 * A scanner "types" its code with keys 2–20 ms apart and usually ends with Enter or Tab; a person
 * types 40–150 ms apart and cannot keep four keys in a row under ~25 ms (a quick roll over two or
 * three keys happens, four does not). So a run of at least `minKeys` characters, each within
 * `maxKeyGapMs` of the one before, is a scan. The keys before that are already typed where the
 * focus was (the DOM adapter undoes them); from the key that proves the run a scan on, keys are
 * swallowed, and so is the terminator.
 *
 * Pure: fed key records with their time, no timers and no DOM. `flush()` is for the adapter's
 * timer, to end a scan from a scanner that sends no terminator.
 */

/** One keydown, as the DOM reports it. `time` in ms (the event's timeStamp). */
export interface WedgeKey {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  time: number;
  /** Auto-repeat of a held key: always a person. */
  repeat?: boolean;
}

/** A key combination; every field given must match. */
export interface KeyMatcher {
  key?: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export type Terminator = 'Enter' | 'Tab';

/**
 * `auto`: read the keys as the PC's layout types them, unless that gives characters no barcode
 * holds (non-ASCII, dead keys) while the US reading of the same physical keys is clean ASCII —
 * then the scanner is set to US layout on a PC that is not, and the US reading is used.
 * `us`: the scanners are known to be set to US layout; always read the physical keys as US.
 * `host`: never second-guess the PC's layout.
 */
export type ScannerLayout = 'auto' | 'us' | 'host';

export interface WedgeOptions {
  terminators: readonly Terminator[];
  /** Largest gap between two keys of a scan before it is proven a scan. */
  maxKeyGapMs: number;
  /** Keys in a row, each within `maxKeyGapMs`, that prove a scanner. */
  minKeys: number;
  /**
   * A proven scan with no terminator ends after this much silence; it is also the largest gap
   * tolerated inside a proven scan (a USB hiccup must not split one scan into two).
   */
  endAfterMs: number;
  /** Keys a scanner sends for the GS1 group separator (ASCII 29), kept as `\u001d`. */
  groupSeparatorKeys: readonly KeyMatcher[];
  scannerLayout: ScannerLayout;
}

export const defaultWedgeOptions: WedgeOptions = {
  terminators: ['Enter', 'Tab'],
  maxKeyGapMs: 25,
  minKeys: 4,
  endAfterMs: 60,
  // Ctrl+] is ASCII 29 on a terminal, which is how most scanners "type" GS. The physical key is
  // matched too: on a Danish PC that key is ¨ (a dead key), not ].
  groupSeparatorKeys: [
    { ctrlKey: true, altKey: false, code: 'BracketRight' },
    { ctrlKey: true, altKey: false, key: ']' },
    { key: '\u001d' },
  ],
  scannerLayout: 'auto',
};

export interface WedgeScan {
  /** What the scanner meant: feed this to parseScan. */
  raw: string;
  startedAt: number;
  endedAt: number;
  keys: number;
  ending: Terminator | 'timeout';
  /**
   * Set when the keys were re-read as a US-layout scanner meant them: `from` is what the PC's
   * layout typed. The UI should tell the operator the scanner is set to the wrong layout.
   */
  corrected?: { from: string; layout: 'us' };
  /**
   * Set when the PC's layout and a US reading of the same keys differ but nothing proves which
   * one the scanner meant (both are plain ASCII, e.g. `-` versus `/` on a Danish PC): the US
   * reading, as a second candidate to try when `raw` finds nothing. Not a warning by itself.
   */
  usReading?: string;
}

export interface KeyVerdict {
  /** The key belongs to a proven scan: keep it from the page. */
  swallow: boolean;
  /** The key starts a new run of quick keys. */
  startsRun: boolean;
  /** A scan that this key completed (its terminator) or that ended before this key came. */
  scan?: WedgeScan;
}

interface RunKey {
  /** What the PC's layout typed; null for a dead key or anything that is no character. */
  typed: string | null;
  /** What a US-layout scanner meant; null when the key means nothing on a US layout. */
  us: string | null;
  time: number;
}

const MODIFIERS = new Set([
  'Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'Super', 'Hyper', 'Fn', 'FnLock',
  'CapsLock', 'NumLock', 'ScrollLock', 'Symbol', 'SymbolLock',
]);
const GS = '\u001d';
/** At most this many keys before a proven run are taken into it. */
const LOOK_BACK_KEYS = 3;
const REPLACEMENT = '\ufffd';

function matches(matcher: KeyMatcher, key: WedgeKey): boolean {
  return (
    (matcher.key === undefined || matcher.key === key.key) &&
    (matcher.code === undefined || matcher.code === key.code) &&
    (matcher.ctrlKey === undefined || matcher.ctrlKey === key.ctrlKey) &&
    (matcher.altKey === undefined || matcher.altKey === key.altKey) &&
    (matcher.shiftKey === undefined || matcher.shiftKey === key.shiftKey)
  );
}

/** Printable ASCII and GS: what a barcode meant for this desk can hold. */
function isCleanAscii(text: string): boolean {
  return /^[\x20-\x7e\x1d]*$/.test(text);
}

export class WedgeDetector {
  private readonly options: WedgeOptions;
  private run: RunKey[] = [];
  private proven = false;
  /**
   * The last few characters before the current run, from runs that were not proven. A scanner's
   * first key sometimes lags (a USB hiccup, the first packet): when the run is proven, keys just
   * before it, each within `endAfterMs` of the next, were the scanner's too. A person cannot type
   * and then pull a scanner's trigger within that time.
   */
  private before: RunKey[] = [];

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
  }

  /** A run is under way (for the adapter's timer). */
  get pending(): boolean {
    return this.run.length > 0;
  }

  feed(key: WedgeKey): KeyVerdict {
    if (MODIFIERS.has(key.key)) return { swallow: false, startsRun: false };

    const last = this.run.at(-1);
    const gap = last ? key.time - last.time : Number.POSITIVE_INFINITY;
    let ended: WedgeScan | undefined;
    if (this.proven && gap > this.options.endAfterMs) ended = this.finish('timeout');
    else if (!this.proven && gap > this.options.maxKeyGapMs) this.retire();

    const withScan = (verdict: Omit<KeyVerdict, 'scan'>): KeyVerdict => (ended ? { ...verdict, scan: ended } : verdict);

    if (key.repeat) {
      if (this.proven) ended = this.finish('timeout');
      this.reset();
      return withScan({ swallow: false, startsRun: false });
    }

    const plainKey = !key.ctrlKey && !key.altKey;
    if (plainKey && this.isTerminator(key.key)) {
      if (this.proven) return { swallow: true, startsRun: false, scan: this.finish(key.key === 'Tab' ? 'Tab' : 'Enter') };
      this.reset();
      return withScan({ swallow: false, startsRun: false });
    }

    const runKey = this.toRunKey(key);
    if (!runKey) {
      // Arrows, Backspace, shortcuts: a person. A proven scan ends here; the key goes through.
      if (this.proven) ended = this.finish('timeout');
      this.reset();
      return withScan({ swallow: false, startsRun: false });
    }

    const startsRun = this.run.length === 0;
    this.run.push(runKey);
    if (!this.proven && this.run.length >= this.options.minKeys) this.prove();
    return withScan({ swallow: this.proven, startsRun });
  }

  /** Silence since the last key: end a proven scan that had no terminator; forget a person's run. */
  flush(): WedgeScan | undefined {
    const scan = this.proven ? this.finish('timeout') : undefined;
    this.reset();
    return scan;
  }

  reset(): void {
    this.run = [];
    this.proven = false;
    this.before = [];
  }

  /** A run that was not a scan: keep its last characters in case a scan's lagging start is among them. */
  private retire(): void {
    this.before = [...this.before, ...this.run].slice(-LOOK_BACK_KEYS);
    this.run = [];
  }

  private prove(): void {
    this.proven = true;
    let first = this.run[0];
    for (let i = this.before.length - 1; i >= 0 && first; i--) {
      const earlier = this.before[i];
      if (!earlier || first.time - earlier.time > this.options.endAfterMs) break;
      this.run.unshift(earlier);
      first = earlier;
    }
    this.before = [];
  }

  private isTerminator(key: string): key is Terminator {
    return (this.options.terminators as readonly string[]).includes(key);
  }

  private toRunKey(key: WedgeKey): RunKey | null {
    if (this.options.groupSeparatorKeys.some((m) => matches(m, key))) return { typed: GS, us: GS, time: key.time };
    // Ctrl+Alt is AltGr on Windows: a character on the PC's layout, and nothing a US scanner sends.
    const altGr = key.ctrlKey && key.altKey;
    if ((key.ctrlKey || key.altKey) && !altGr) return null;
    const us = altGr ? null : usCharacter(key.code, key.shiftKey);
    if (key.key === 'Dead') return { typed: null, us, time: key.time };
    if (key.key === 'Tab') return { typed: '\t', us: '\t', time: key.time };
    if (key.key === 'Enter') return { typed: '\n', us: '\n', time: key.time };
    if ([...key.key].length !== 1) return null;
    return { typed: key.key, us, time: key.time };
  }

  private finish(ending: WedgeScan['ending']): WedgeScan {
    const run = this.run;
    this.reset();
    const first = run[0];
    const last = run.at(-1);
    const typed = run.map((k) => k.typed ?? REPLACEMENT).join('');
    const base = { startedAt: first?.time ?? 0, endedAt: last?.time ?? 0, keys: run.length, ending };
    const usKeys = run.map((k) => k.us);
    const us = usKeys.every((c): c is string => c !== null) ? usKeys.join('') : null;

    const { scannerLayout } = this.options;
    if (us === null || us === typed || scannerLayout === 'host') return { raw: typed, ...base };
    if (scannerLayout === 'us' || (!isCleanAscii(typed) && isCleanAscii(us))) {
      return { raw: us, ...base, corrected: { from: typed, layout: 'us' } };
    }
    return { raw: typed, ...base, usReading: us };
  }
}

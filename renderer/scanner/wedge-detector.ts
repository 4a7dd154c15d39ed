import { isModifier, readRun, toRunKey, type RunKey } from './run-keys';

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
 * Which keys belong to one scan is decided by the keys' own timestamps (when they were pressed),
 * never by when they happen to be handled: on a busy page a scan's keys are handled late and in a
 * bunch, and a timer can run between them. A key within `endAfterMs` of the one before continues
 * the scan, even after the scan was thought ended.
 *
 * Where the desk's scanners end their scans with a terminator (expected from the start, and
 * learned from each scan), a scan that ends without one is not delivered but reported
 * `incomplete`: the operator scans again. Its keys are kept: keys that still come and continue it
 * (a late, queued rest) complete it after all. The same text twice without a terminator is a
 * scanner that sends none: it is delivered, and silence ends the next scans.
 *
 * Pure: fed key records with their time, no timers and no DOM. `silence(now)` is for the adapter's
 * timer, to end a scan that has seen no key for long enough by the clock.
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
   * The largest gap, by the keys' timestamps, inside a scan (a USB hiccup must not split one scan
   * into two); a key later than this after the previous one starts afresh. A scanner that sends
   * no terminator has ended its scan after this much silence.
   */
  endAfterMs: number;
  /**
   * The desk's scanners end each scan with one of `terminators` — until a scan shows otherwise
   * (the same text twice without one). Learned again from every scan.
   */
  expectTerminator: boolean;
  /**
   * Expecting a terminator: how long after a scan's last key it may still come before the scan is
   * reported incomplete (it completes the scan even later, if its timestamp says it belongs).
   */
  terminatorWaitMs: number;
  /** Keys a scanner sends for the GS1 group separator (ASCII 29), kept as `\u001d`. */
  groupSeparatorKeys: readonly KeyMatcher[];
  scannerLayout: ScannerLayout;
}

export const defaultWedgeOptions: WedgeOptions = {
  terminators: ['Enter', 'Tab'],
  maxKeyGapMs: 25,
  minKeys: 4,
  endAfterMs: 60,
  // Most scanners ship with an Enter suffix; one that has none costs a single "scan again".
  expectTerminator: true,
  terminatorWaitMs: 1000,
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

/** How a scan ended: complete (deliver it), or without its terminator where one is expected. */
export interface WedgeEnding {
  /** A complete scan: deliver it. */
  scan?: WedgeScan;
  /** What was read of a scan whose terminator never came: not delivered; the operator scans again. */
  incomplete?: WedgeScan;
}

export interface KeyVerdict extends WedgeEnding {
  /** The key belongs to a proven scan: keep it from the page. */
  swallow: boolean;
  /** The key starts a new run: what is typed from here on may turn out to be a scan. */
  startsRun: boolean;
}

/** A proven run that ended without a terminator: keys that continue it by their timestamps belong to it. */
interface EndedRun {
  keys: RunKey[];
  /** Delivered as a complete scan (no terminator was expected), or reported incomplete. */
  delivered: boolean;
}

export class WedgeDetector {
  private readonly options: WedgeOptions;
  private run: RunKey[] = [];
  private proven = false;
  /** Keys at the end of the run that came within `maxKeyGapMs` of each other. */
  private fastKeys = 0;
  private ended: EndedRun | undefined;
  /** Set while the run goes on from an ended one: how far it had come, and how it had ended. */
  private resumed: { keys: number; delivered: boolean } | undefined;
  private expectsTerminator: boolean;
  /** The text of the last scan reported incomplete: read again the same way, it was whole. */
  private lastIncomplete: string | undefined;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
    this.expectsTerminator = this.options.expectTerminator && this.options.terminators.length > 0;
  }

  /** Whether a scan that ends without a terminator is incomplete (learned from the scans so far). */
  get expectTerminator(): boolean {
    return this.expectsTerminator;
  }

  /**
   * When, by the keys' clock, silence ends the proven scan in progress (`silence(now)` from then
   * on); undefined when nothing waits for silence — a person's keys wait for the next key instead.
   */
  get silenceDueAt(): number | undefined {
    const last = this.run.at(-1);
    if (!this.proven || !last) return undefined;
    const waitsForTerminator = this.expectsTerminator && !this.resumed?.delivered;
    return last.time + (waitsForTerminator ? this.options.terminatorWaitMs : this.options.endAfterMs);
  }

  feed(key: WedgeKey): KeyVerdict {
    if (isModifier(key)) return { swallow: false, startsRun: false };

    const ending = this.beforeKey(key.time);

    const plainKey = !key.ctrlKey && !key.altKey;
    if (!key.repeat && plainKey && this.isTerminator(key.key)) {
      if (this.proven) return { swallow: true, startsRun: false, ...this.complete(key.key === 'Tab' ? 'Tab' : 'Enter') };
      this.reset();
      return { swallow: false, startsRun: false, ...ending };
    }

    const runKey = key.repeat ? null : toRunKey(key, this.options.groupSeparatorKeys);
    if (!runKey) {
      // Auto-repeat of a held key, arrows, Backspace, shortcuts: a person. A proven scan ends
      // here; the key goes through and continues nothing.
      const interrupted = this.proven ? this.endBySilence() : {};
      this.reset();
      return { swallow: false, startsRun: false, ...ending, ...interrupted };
    }

    const previous = this.run.at(-1);
    const gap = previous ? key.time - previous.time : Number.POSITIVE_INFINITY;
    const startsRun = !previous;
    this.run.push(runKey);
    this.fastKeys = gap <= this.options.maxKeyGapMs ? this.fastKeys + 1 : 1;
    if (!this.proven && this.fastKeys >= this.options.minKeys) this.proven = true;
    return { swallow: this.proven, startsRun, ...ending };
  }

  /**
   * The clock says `now` and no key has come since the last one: a proven scan that has waited
   * long enough for silence (`silenceDueAt`) ends — delivered, or incomplete where a terminator
   * is expected. A person's run is left to the next key's timestamp.
   */
  silence(now: number): WedgeEnding {
    const due = this.silenceDueAt;
    if (due === undefined || now < due) return {};
    return this.endBySilence();
  }

  /** Forgets everything in progress (the learned terminator expectation stays). */
  reset(): void {
    this.clearRun();
    this.ended = undefined;
  }

  /**
   * Before a key is taken in: by its timestamp, does it continue the run (or a scan that ended
   * without a terminator), or does it start afresh — ending a proven run by silence?
   */
  private beforeKey(time: number): WedgeEnding {
    const last = this.run.at(-1);
    if (!last) {
      const ended = this.ended;
      this.ended = undefined;
      const endedLast = ended?.keys.at(-1);
      // Keys queued behind a busy page, handled after silence was called: they still belong.
      if (ended && endedLast && time - endedLast.time <= this.options.endAfterMs) {
        this.run = [...ended.keys];
        this.proven = true;
        this.fastKeys = this.options.minKeys;
        this.resumed = { keys: ended.keys.length, delivered: ended.delivered };
      }
      return {};
    }
    if (time - last.time <= this.options.endAfterMs) return {};
    // An unproven run survives one slow gap (up to `endAfterMs`, checked above): a scanner's first
    // keys can arrive late on a busy PC, and a person is never that fast anyway.
    const ending = this.proven ? this.endBySilence() : {};
    this.reset();
    return ending;
  }

  private complete(terminator: Terminator): WedgeEnding {
    const resumed = this.resumed;
    const scan = this.finish(terminator);
    this.expectsTerminator = true;
    this.lastIncomplete = undefined;
    if (!resumed?.delivered) return { scan };
    // Only the terminator came late: the scan delivered was whole. Otherwise the label was cut
    // and its first part went on as a scan of its own: it must be scanned again.
    return scan.keys > resumed.keys ? { incomplete: scan } : {};
  }

  private endBySilence(): WedgeEnding {
    const resumed = this.resumed;
    const keys = this.run;
    const scan = this.finish('timeout');
    this.ended = { keys, delivered: Boolean(resumed?.delivered) };
    // Resumed and nothing new came: it ended the way it had ended before, already told.
    if (resumed && keys.length === resumed.keys) return {};
    if (resumed?.delivered) return { incomplete: scan };
    const repeated = scan.raw === this.lastIncomplete;
    if (this.expectsTerminator && !repeated) {
      this.lastIncomplete = scan.raw;
      return { incomplete: scan };
    }
    // No terminator expected — or the same text read twice without one: this scanner sends none.
    if (repeated) this.expectsTerminator = false;
    this.lastIncomplete = undefined;
    this.ended = { keys, delivered: true };
    return { scan };
  }

  private clearRun(): void {
    this.run = [];
    this.proven = false;
    this.fastKeys = 0;
    this.resumed = undefined;
  }

  private isTerminator(key: string): key is Terminator {
    return (this.options.terminators as readonly string[]).includes(key);
  }

  private finish(ending: WedgeScan['ending']): WedgeScan {
    const run = this.run;
    this.clearRun();
    const first = run[0];
    const last = run.at(-1);
    return { ...readRun(run, this.options.scannerLayout), startedAt: first?.time ?? 0, endedAt: last?.time ?? 0, keys: run.length, ending };
  }
}

import { scanEventSchema, type ScanEvent } from '../../shared/scan/scan-event';
import { setFieldValue } from './scan-field';
import { WedgeDetector, type WedgeEnding, type WedgeOptions, type WedgeScan } from './wedge-detector';

/**
 * Keyboard-wedge scanners in the page: one capture-phase keydown listener on the window, so a
 * scan is caught wherever the focus is — a field, a button, nothing. The window's capture phase
 * runs before any element's (and before React's root listener), so a proven scan's keys and its
 * terminating Enter/Tab never reach a search-as-you-type field or a focused button.
 *
 * The first keys of a scan cannot be told from typing until enough have come; they reach the
 * focused field. When the scan completes, the field gets back the value it had before the burst
 * (set through the native setter and announced with an `input` event, so React's controlled
 * inputs see the change). A person's typing is never held back.
 *
 * The end of a scan is decided from the keys' own timestamps (`WedgeDetector`). The one timer
 * here only asks the detector whether silence has lasted long enough, and only believes the clock
 * when nothing can still be on its way: not before `SETTLE_MS` after the last key was handled
 * (plus how late it was handled), and not when the timer itself runs late — it then ran after a
 * long task, and the rest of the scan may be queued right behind it (Chromium runs an overdue
 * timer before queued key events). Keys whose timestamps continue a scan join it however late
 * they are handled.
 *
 * Install once for the window, at start-up; the returned function uninstalls.
 */

export type KeyboardWedgeOptions = Partial<WedgeOptions>;

/** The ScanEvent, and the detector's own account of it (layout correction, timing, ending). */
export type WedgeScanListener = (scan: ScanEvent, details: WedgeScan) => void;

/** A scan whose terminator never came (what was read of it): the operator should scan again. */
export type WedgeIncompleteListener = (details: WedgeScan) => void;

interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/** Snapshots kept: a scan's own keys before it is proven, plus the lagging keys it may take in. */
const MAX_SNAPSHOTS = 32;

/**
 * Silence is believed only this long after the page last handled a key (plus how late that key
 * was handled): on a loaded PC the browser hands queued keys over one at a time, and the rest of
 * a scan has been seen to come 150–250 ms after a timer that ran on time.
 */
const SETTLE_MS = 250;
/** A timer this much behind its time ran after a long task: keys may be queued behind it. */
const LATE_MS = 25;
/** However busy the page or late the keys, silence is believed once nothing has been handled for this long. */
const MAX_WAIT_MS = 2000;

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url']);

// Tag names rather than instanceof: the window handed in may be another realm's (an iframe).
const isTextArea = (element: Element | null): element is HTMLTextAreaElement => element?.tagName === 'TEXTAREA';
const isTextInput = (element: Element | null): element is HTMLInputElement =>
  element?.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((element.getAttribute('type') ?? 'text').toLowerCase());

function snapshotOf(win: Window): FieldSnapshot | null {
  const active = win.document.activeElement;
  const field = isTextArea(active) || isTextInput(active) ? active : null;
  if (!field) return null;
  // Some input types (email, number) have no selection API and throw on reading it.
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = field.selectionStart;
    selectionEnd = field.selectionEnd;
  } catch {
    // keep null
  }
  return { field, value: field.value, selectionStart, selectionEnd };
}

function restore(snapshot: FieldSnapshot): void {
  const { field } = snapshot;
  if (!field.isConnected || field.value === snapshot.value) return;
  setFieldValue(field, snapshot.value);
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // types without a selection
    }
  }
}

export function installKeyboardWedge(
  win: Window,
  options: KeyboardWedgeOptions,
  onScan: WedgeScanListener,
  onIncomplete: WedgeIncompleteListener = () => {},
): () => void {
  const detector = new WedgeDetector(options);
  // The focused field as it was before each recent key: a scan is undone back to the state
  // before its first key, which may be a few keys back (the detector can take a lagging first
  // key into the scan after the fact).
  let snapshots: Array<{ time: number; snapshot: FieldSnapshot | null }> = [];
  let timer: ReturnType<Window['setTimeout']> | undefined;
  /** When the timer should run, and until when keys may still be on their way (the page's clock). */
  let dueAt = 0;
  let handledAt = 0;
  let settledAt = 0;

  const takeBack = (details: WedgeScan): void => {
    const before = snapshots.find((s) => s.time >= details.startedAt)?.snapshot;
    if (before) restore(before);
    snapshots = [];
  };

  const report = (ending: WedgeEnding): boolean => {
    if (ending.scan) {
      takeBack(ending.scan);
      const parsed = scanEventSchema.safeParse({ raw: ending.scan.raw, source: 'wedge', at: Date.now() });
      // A burst too long to be any barcode (the schema caps raw) is dropped, not thrown at the page.
      if (parsed.success) onScan(parsed.data, ending.scan);
    }
    if (ending.incomplete) {
      takeBack(ending.incomplete);
      onIncomplete(ending.incomplete);
    }
    return Boolean(ending.scan ?? ending.incomplete);
  };

  const arm = (delay: number): void => {
    if (timer !== undefined) win.clearTimeout(timer);
    dueAt = win.performance.now() + delay;
    timer = win.setTimeout(onTimer, delay);
  };

  /** Asks the detector again once silence may be due, and keys queued behind the last one had their chance. */
  const schedule = (): void => {
    const due = detector.silenceDueAt;
    if (due === undefined) {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
      return;
    }
    arm(Math.max(0, due - win.performance.now(), settledAt - win.performance.now()));
  };

  function onTimer(): void {
    timer = undefined;
    const now = win.performance.now();
    if (now - dueAt > LATE_MS && now - handledAt < MAX_WAIT_MS) {
      // The page was busy when the timer was due: what the scanner sent meanwhile may be queued.
      settledAt = now + SETTLE_MS;
      arm(SETTLE_MS);
      return;
    }
    report(detector.silence(now));
    schedule();
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) {
      detector.reset();
      snapshots = [];
      return;
    }
    handledAt = win.performance.now();
    settledAt = handledAt + Math.min(MAX_WAIT_MS, SETTLE_MS + Math.max(0, handledAt - event.timeStamp));
    const entry = { time: event.timeStamp, snapshot: snapshotOf(win) };
    snapshots = [...snapshots.slice(-(MAX_SNAPSHOTS - 1)), entry];
    const verdict = detector.feed({
      key: event.key,
      code: event.code,
      shiftKey: event.shiftKey,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      time: event.timeStamp,
      repeat: event.repeat,
    });
    // A scan that ended before this key (by its timestamp): this key starts afresh, from the
    // field as restored.
    if (report(verdict) && !verdict.swallow) snapshots = [{ time: event.timeStamp, snapshot: snapshotOf(win) }];
    if (verdict.swallow) {
      // A swallowed key changes nothing in the field: its snapshot is not needed.
      snapshots = snapshots.filter((s) => s !== entry);
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    schedule();
  };

  win.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== undefined) win.clearTimeout(timer);
    detector.reset();
    snapshots = [];
  };
}

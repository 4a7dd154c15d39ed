import { scanEventSchema, type ScanEvent } from '../../shared/scan/scan-event';
import { WedgeDetector, type WedgeOptions, type WedgeScan } from './wedge-detector';

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
 * Install once for the window, at start-up; the returned function uninstalls.
 */

export type KeyboardWedgeOptions = Partial<WedgeOptions>;

/** The ScanEvent, and the detector's own account of it (layout correction, timing, ending). */
export type WedgeScanListener = (scan: ScanEvent, details: WedgeScan) => void;

interface FieldSnapshot {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/** Snapshots kept: a scan's own keys before it is proven, plus the lagging keys it may take in. */
const MAX_SNAPSHOTS = 32;

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
  // React tracks the value it last saw through the element's own `value` property; the prototype's
  // setter changes the value without updating that tracker, so the input event below is seen.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  if (setter) setter.call(field, snapshot.value);
  else field.value = snapshot.value;
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    try {
      field.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // types without a selection
    }
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function installKeyboardWedge(win: Window, options: KeyboardWedgeOptions, onScan: WedgeScanListener): () => void {
  const detector = new WedgeDetector(options);
  const endAfterMs = options.endAfterMs ?? 60;
  // The focused field as it was before each recent key: a scan is undone back to the state
  // before its first key, which may be a few keys back (the detector can take a lagging first
  // key into the scan after the fact).
  let snapshots: Array<{ time: number; snapshot: FieldSnapshot | null }> = [];
  let timer: ReturnType<Window['setTimeout']> | undefined;
  // When the silence timer ended a scan: its last key's time. The timer runs on the wall clock,
  // while keys carry the time they were pressed; on a busy page (the camera decoding, a long
  // render) the scanner's Enter can be handled after the timer although it came right after the
  // scan. Such a terminator still belongs to the scan and must not press the focused button.
  let endedBySilenceAt: number | undefined;
  const terminators: readonly string[] = options.terminators ?? ['Enter', 'Tab'];

  const deliver = (details: WedgeScan): void => {
    const before = snapshots.find((s) => s.time >= details.startedAt)?.snapshot;
    if (before) restore(before);
    snapshots = [];
    const parsed = scanEventSchema.safeParse({ raw: details.raw, source: 'wedge', at: Date.now() });
    // A burst too long to be any barcode (the schema caps raw) is dropped, not thrown at the page.
    if (parsed.success) onScan(parsed.data, details);
  };

  const onSilence = (): void => {
    timer = undefined;
    const scan = detector.flush();
    if (scan) {
      deliver(scan);
      endedBySilenceAt = scan.endedAt;
    }
    snapshots = [];
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) {
      detector.reset();
      snapshots = [];
      return;
    }
    const lateAfter = endedBySilenceAt;
    endedBySilenceAt = undefined;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (lateAfter !== undefined && plain && terminators.includes(event.key) && event.timeStamp - lateAfter <= endAfterMs) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
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
    if (verdict.scan) {
      deliver(verdict.scan);
      // The scan ended before this key (it had no terminator): this key starts afresh, from the
      // field as restored.
      if (verdict.scan.ending === 'timeout') snapshots = [{ time: event.timeStamp, snapshot: snapshotOf(win) }];
    }
    if (verdict.swallow) {
      // A swallowed key changes nothing in the field: its snapshot is not needed.
      snapshots = snapshots.filter((s) => s !== entry);
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (timer !== undefined) win.clearTimeout(timer);
    timer = detector.pending ? win.setTimeout(onSilence, endAfterMs) : undefined;
  };

  win.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    win.removeEventListener('keydown', onKeyDown, { capture: true });
    if (timer !== undefined) win.clearTimeout(timer);
    detector.reset();
    snapshots = [];
  };
}

import { usCharacter } from './us-layout';
import type { KeyMatcher, ScannerLayout, WedgeKey } from './wedge-detector';

/** What the keys of a run say: each key as typed and as a US-layout scanner meant it, and the text they make. */

export interface RunKey {
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
const REPLACEMENT = '\ufffd';

/** A modifier key on its own: it types nothing and neither starts nor breaks a run. */
export function isModifier(key: WedgeKey): boolean {
  return MODIFIERS.has(key.key);
}

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

/** The key as part of a run; null for a key that types nothing (arrows, Backspace, shortcuts). */
export function toRunKey(key: WedgeKey, groupSeparatorKeys: readonly KeyMatcher[]): RunKey | null {
  if (groupSeparatorKeys.some((m) => matches(m, key))) return { typed: GS, us: GS, time: key.time };
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

/** The text a run makes, read by the desk's layout setting (see `ScannerLayout`). */
export function readRun(run: readonly RunKey[], scannerLayout: ScannerLayout): { raw: string; corrected?: { from: string; layout: 'us' }; usReading?: string } {
  const typed = run.map((k) => k.typed ?? REPLACEMENT).join('');
  const usKeys = run.map((k) => k.us);
  const us = usKeys.every((c): c is string => c !== null) ? usKeys.join('') : null;
  if (us === null || us === typed || scannerLayout === 'host') return { raw: typed };
  if (scannerLayout === 'us' || (!isCleanAscii(typed) && isCleanAscii(us))) return { raw: us, corrected: { from: typed, layout: 'us' } };
  return { raw: typed, usReading: us };
}

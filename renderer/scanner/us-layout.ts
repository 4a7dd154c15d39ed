/**
 * What a scanner set to the US keyboard layout means by each physical key (`KeyboardEvent.code`):
 * `[unshifted, shifted]`. A wedge scanner does not send characters, it presses keys; the host's
 * layout turns them into characters. Reading the physical keys through this table recovers what
 * a US-layout scanner meant, whatever layout the PC has.
 */
const rows: Array<[codes: string[], plain: string, shifted: string]> = [
  [['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0'], '1234567890', '!@#$%^&*()'],
  [['Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Backslash', 'Semicolon', 'Quote', 'Backquote', 'Comma', 'Period', 'Slash', 'Space'], "-=[]\\;'`,./ ", '_+{}|:"~<>? '],
  // ISO keyboards' extra key beside the left Shift: the US-international layout types \ and | there.
  [['IntlBackslash'], '\\', '|'],
  // The numeric keypad types the same with or without Shift (NumLock on, as scanners assume).
  [['Numpad0', 'Numpad1', 'Numpad2', 'Numpad3', 'Numpad4', 'Numpad5', 'Numpad6', 'Numpad7', 'Numpad8', 'Numpad9'], '0123456789', '0123456789'],
  [['NumpadDecimal', 'NumpadAdd', 'NumpadSubtract', 'NumpadMultiply', 'NumpadDivide'], '.+-*/', '.+-*/'],
];

const table = new Map<string, readonly [string, string]>();
for (const [codes, plain, shifted] of rows) {
  codes.forEach((code, i) => table.set(code, [plain.charAt(i), shifted.charAt(i)]));
}
for (let c = 0; c < 26; c++) {
  const lower = String.fromCharCode(97 + c);
  table.set(`Key${lower.toUpperCase()}`, [lower, lower.toUpperCase()]);
}

/** The character a US-layout keyboard types for this physical key, or null when it types none. */
export function usCharacter(code: string, shiftKey: boolean): string | null {
  const entry = table.get(code);
  return entry ? entry[shiftKey ? 1 : 0] : null;
}

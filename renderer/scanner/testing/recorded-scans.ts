import type { WedgeKey } from '../wedge-detector';

/**
 * Wedge scans as a page saw them on a loaded 2-core machine: Chromium, two Node processes spinning,
 * long tasks (50–300 ms) injected into the page at random moments, the scanner's keys 5 ms apart
 * sent as trusted key events (`tests/e2e/support/wedge-scanner.ts`). Per key: its `timeStamp`
 * (when it was pressed) and when the page's keydown listener ran, in ms from the first key.
 *
 * Each of these was cut in two by the wedge as it was (a 60 ms timer restarted on every key):
 * the timer ran — on time, the page itself was idle — while the rest of the scan was still held
 * up in the browser, which hands keys to a busy renderer one at a time.
 */
export interface RecordedScan {
  text: string;
  /** `[key, code, shiftKey, timeStamp, handledAt]` */
  keys: Array<[key: string, code: string, shiftKey: boolean, time: number, handledAt: number]>;
}

export const recordedScans: RecordedScan[] = [
  {
    text: '352906114004528',
    keys: [
      ['3', 'Digit3', false, 0.0, 330.6],
      ['5', 'Digit5', false, 5.0, 339.8],
      ['2', 'Digit2', false, 10.0, 342.8],
      ['9', 'Digit9', false, 15.0, 347.3],
      ['0', 'Digit0', false, 20.0, 350.3],
      ['6', 'Digit6', false, 25.0, 656.0],
      ['1', 'Digit1', false, 30.0, 658.3],
      ['1', 'Digit1', false, 35.0, 659.0],
      ['4', 'Digit4', false, 40.0, 663.1],
      ['0', 'Digit0', false, 45.0, 666.3],
      ['0', 'Digit0', false, 50.0, 666.8],
      ['4', 'Digit4', false, 55.0, 667.4],
      ['5', 'Digit5', false, 60.0, 667.9],
      ['2', 'Digit2', false, 65.0, 668.4],
      ['8', 'Digit8', false, 70.0, 668.9],
      ['Enter', 'Enter', false, 75.0, 669.4],
    ],
  },
  {
    text: '352906114004528',
    keys: [
      ['3', 'Digit3', false, 0.0, 71.9],
      ['5', 'Digit5', false, 5.0, 85.3],
      ['2', 'Digit2', false, 10.0, 103.5],
      ['9', 'Digit9', false, 15.0, 113.9],
      ['0', 'Digit0', false, 20.0, 124.1],
      ['6', 'Digit6', false, 25.0, 165.4],
      ['1', 'Digit1', false, 30.0, 176.0],
      ['1', 'Digit1', false, 35.0, 184.9],
      ['4', 'Digit4', false, 40.0, 189.0],
      ['0', 'Digit0', false, 45.0, 192.8],
      ['0', 'Digit0', false, 50.0, 196.3],
      ['4', 'Digit4', false, 55.0, 264.5],
      ['5', 'Digit5', false, 60.0, 267.5],
      ['2', 'Digit2', false, 65.0, 269.4],
      ['8', 'Digit8', false, 70.0, 271.2],
      ['Enter', 'Enter', false, 75.0, 327.7],
    ],
  },
  {
    text: 'KVIK:MODE:PREPARE',
    keys: [
      ['Shift', 'ShiftLeft', true, 0.0, 167.2],
      ['K', 'KeyK', true, 1.0, 169.1],
      ['Shift', 'ShiftLeft', true, 5.0, 223.9],
      ['V', 'KeyV', true, 6.0, 228.1],
      ['Shift', 'ShiftLeft', true, 10.0, 243.7],
      ['I', 'KeyI', true, 11.0, 246.2],
      ['Shift', 'ShiftLeft', true, 15.1, 281.4],
      ['K', 'KeyK', true, 16.0, 284.1],
      ['Shift', 'ShiftLeft', true, 20.0, 308.1],
      [':', 'Semicolon', true, 21.0, 308.9],
      ['Shift', 'ShiftLeft', true, 25.0, 320.4],
      ['M', 'KeyM', true, 26.0, 321.0],
      ['Shift', 'ShiftLeft', true, 30.0, 322.0],
      ['O', 'KeyO', true, 31.0, 322.2],
      ['Shift', 'ShiftLeft', true, 35.0, 395.4],
      ['D', 'KeyD', true, 36.0, 395.6],
      ['Shift', 'ShiftLeft', true, 40.0, 397.0],
      ['E', 'KeyE', true, 41.0, 397.1],
      ['Shift', 'ShiftLeft', true, 45.0, 398.3],
      [':', 'Semicolon', true, 46.0, 398.5],
      ['Shift', 'ShiftLeft', true, 50.0, 693.1],
      ['P', 'KeyP', true, 51.0, 693.4],
      ['Shift', 'ShiftLeft', true, 55.0, 704.3],
      ['R', 'KeyR', true, 56.1, 704.6],
      ['Shift', 'ShiftLeft', true, 60.0, 705.9],
      ['E', 'KeyE', true, 61.0, 706.0],
      ['Shift', 'ShiftLeft', true, 65.0, 707.0],
      ['P', 'KeyP', true, 66.0, 707.1],
      ['Shift', 'ShiftLeft', true, 70.0, 710.2],
      ['A', 'KeyA', true, 71.0, 710.3],
      ['Shift', 'ShiftLeft', true, 75.0, 715.1],
      ['R', 'KeyR', true, 76.0, 715.3],
      ['Shift', 'ShiftLeft', true, 80.0, 717.7],
      ['E', 'KeyE', true, 81.0, 717.9],
      ['Enter', 'Enter', false, 86.0, 720.9],
    ],
  },
  {
    text: '356938035643809',
    keys: [
      ['3', 'Digit3', false, 0.0, 72.4],
      ['5', 'Digit5', false, 4.9, 75.0],
      ['6', 'Digit6', false, 9.9, 76.5],
      ['9', 'Digit9', false, 14.9, 77.7],
      ['3', 'Digit3', false, 19.9, 78.7],
      ['8', 'Digit8', false, 24.9, 311.7],
      ['0', 'Digit0', false, 29.9, 321.4],
      ['3', 'Digit3', false, 34.9, 343.6],
      ['5', 'Digit5', false, 39.9, 371.6],
      ['6', 'Digit6', false, 44.9, 381.1],
      ['4', 'Digit4', false, 49.9, 402.1],
      ['3', 'Digit3', false, 54.9, 415.0],
      ['8', 'Digit8', false, 59.9, 463.3],
      ['0', 'Digit0', false, 64.9, 479.1],
      ['9', 'Digit9', false, 69.9, 489.5],
      ['Enter', 'Enter', false, 74.9, 526.4],
    ],
  },
];

/** A recorded key as the wedge's key record, `offset` added to both times. */
export function recordedKey([key, code, shiftKey, time]: RecordedScan['keys'][number], offset: number): WedgeKey {
  return { key, code, shiftKey, ctrlKey: false, altKey: false, time: time + offset };
}

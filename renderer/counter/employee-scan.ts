/**
 * The counter: an employee's card or badge scanned in any workflow of the desk starts serving that
 * employee — a handout to them, or, in the return workflow, a return from them — and the employee
 * is let go after `DONE` or a few idle minutes, so the next person is never booked to the last.
 */

/** The workflow an employee scan opens from the one the desk is in. */
export function workflowForEmployeeScan(current: string): 'handout' | 'return' {
  return current === 'return' ? 'return' : 'handout';
}

/** Milliseconds until the employee is let go, from the last scan; 0 when already due. */
export function msUntilIdle(lastScanAt: number, now: number, minutes: number): number {
  return Math.max(0, lastScanAt + minutes * 60_000 - now);
}

/**
 * A camera sees the same label in frame after frame: one label held up is one scan. Fed every
 * decoded frame (its codes, possibly none), it returns the codes that count as new scans.
 *
 * A code is remembered from the frame it is read in; while remembered, reading it again is not a
 * new scan. It is forgotten
 * - after `holdMs` without being read (an empty stretch, or the label taken away), or
 * - when other codes are being read and it has not been read for `switchMs` (the operator moved
 *   on to another label and may come back to this one at once).
 * A single unreadable frame (motion blur) forgets nothing, and two labels in view at once, read in
 * turns, are each one scan.
 *
 * Pure: time is passed in.
 */
export interface DedupeOptions {
  holdMs: number;
  switchMs: number;
}

export const defaultDedupeOptions: DedupeOptions = { holdMs: 2000, switchMs: 500 };

export class ScanDedupe {
  /** Each remembered code and when it was last read. */
  private readonly lastRead = new Map<string, number>();

  constructor(private readonly options: DedupeOptions = defaultDedupeOptions) {}

  accept(codes: readonly string[], at: number): string[] {
    const present = new Set(codes);
    for (const [code, last] of this.lastRead) {
      if (present.has(code)) continue;
      const unseen = at - last;
      if (unseen >= this.options.holdMs || (present.size > 0 && unseen >= this.options.switchMs)) this.lastRead.delete(code);
    }
    const fresh = [...present].filter((code) => !this.lastRead.has(code));
    for (const code of present) this.lastRead.set(code, at);
    return fresh;
  }

  reset(): void {
    this.lastRead.clear();
  }
}

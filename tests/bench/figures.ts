/** One measured figure, beside the baseline measured in the same run where there is one. */
export interface Figure {
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** A short human note printed beside the figure (the target, what the baseline is). */
  note?: string;
}

/** A benchmark part: `npm run bench -- <name>` runs the parts whose name starts with <name>. */
export interface BenchPart {
  name: string;
  /**
   * How long the part may take before the run gives up on it with a reason (`run.ts`); default
   * `DEFAULT_TIME_LIMIT_MS`. A part that waits on something that never answers (a transaction
   * aborted by a full disk, a page that never loads) must fail, not hang the run.
   */
  timeLimitMs?: number;
  run(): Promise<Record<string, Figure>>;
}

export const DEFAULT_TIME_LIMIT_MS = 20 * 60_000;

export function figure(value: number, unit: string, baseline?: number, note?: string): Figure {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const out: Figure = { value: round(value), unit };
  if (baseline !== undefined) {
    out.baseline = round(baseline);
    out.ratio = baseline === 0 ? 0 : round(value / baseline);
  }
  if (note) out.note = note;
  return out;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** The arithmetic of the small charts: a count axis with round ticks, and day bands along x. */

/** Ticks from 0 to a round maximum ≥ `max`, about `count` steps of 1, 2 or 5 × 10ⁿ (whole numbers: these are counts). */
export function countTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = Math.max(1, max / count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const chartFrame: ChartFrame = { width: 520, height: 190, left: 40, right: 10, top: 10, bottom: 24 };

/** The horizontal band of day `index` of `days`: where its bar stands and its centre. */
export function dayBand(frame: ChartFrame, days: number, index: number): { x: number; width: number; centre: number } {
  const band = (frame.width - frame.left - frame.right) / Math.max(1, days);
  const x = frame.left + index * band;
  return { x, width: band, centre: x + band / 2 };
}

/** The y of a count on an axis topped by `top`. */
export function yOf(frame: ChartFrame, top: number, value: number): number {
  const plot = frame.height - frame.top - frame.bottom;
  return frame.top + plot - (top === 0 ? 0 : (value / top) * plot);
}

/** The days to label along x: the first, the last, and one between when there are more than two. */
export function labelledDays(days: number): number[] {
  if (days <= 1) return [0];
  if (days === 2) return [0, 1];
  return [0, Math.floor((days - 1) / 2), days - 1];
}

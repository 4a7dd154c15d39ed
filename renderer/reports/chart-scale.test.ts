import { describe, expect, it } from 'vitest';
import { chartFrame, countTicks, dayBand, labelledDays, yOf } from './chart-scale';

describe('countTicks', () => {
  it('runs from 0 to a round top at or above the maximum, in whole steps of 1, 2 or 5 × 10ⁿ', () => {
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it('has an axis for a chart of zeros', () => {
    expect(countTicks(0)).toEqual([0, 1]);
  });
});

describe('the day bands and the count axis', () => {
  it('splits the plot into equal bands, one per day, edge to edge', () => {
    const first = dayBand(chartFrame, 30, 0);
    const last = dayBand(chartFrame, 30, 29);
    expect(first.x).toBe(chartFrame.left);
    expect(last.x + last.width).toBeCloseTo(chartFrame.width - chartFrame.right);
    expect(first.centre).toBeCloseTo(first.x + first.width / 2);
  });

  it('puts 0 on the baseline and the top at the top', () => {
    expect(yOf(chartFrame, 40, 0)).toBe(chartFrame.height - chartFrame.bottom);
    expect(yOf(chartFrame, 40, 40)).toBe(chartFrame.top);
  });

  it('labels the first, the middle and the last day', () => {
    expect(labelledDays(30)).toEqual([0, 14, 29]);
    expect(labelledDays(2)).toEqual([0, 1]);
    expect(labelledDays(1)).toEqual([0]);
  });
});

import { describe, expect, it } from 'vitest';
import { code128Modules, labelLayout, labelStockIds, labelStocks, pageCount, sheetPosition, type Box } from './stocks';

const inside = (box: Box, width: number, height: number) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 1e-9 && box.y + box.height <= height + 1e-9;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('label stocks', () => {
  it('has the sizes desks use', () => {
    expect(labelStockIds.map((id) => [id, labelStocks[id].width, labelStocks[id].height])).toEqual([
      ['brother-62', 62, 29],
      ['dymo-54x25', 54, 25],
      ['dymo-89x25', 89, 25],
      ['thermal-50x25', 50, 25],
      ['avery-l7163', 99.1, 38.1],
    ]);
  });

  it.each(labelStockIds)('%s: every part inside the label, none over another, readable at 203 dpi', (id) => {
    const stock = labelStocks[id];
    const layout = labelLayout(stock);
    const parts = [layout.code128, layout.caption, layout.dataMatrix, layout.text];
    for (const part of parts) expect(inside(part, stock.width, stock.height)).toBe(true);
    for (const [i, a] of parts.entries()) for (const b of parts.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    // A 12-character serial (Apple's, most phones') in code set B: modules of at least 0.25 mm
    // (two dots at 203 dpi); a 16-character one still 0.2 mm (over two dots at 300 dpi). Bars at
    // least 5 mm tall.
    expect(layout.code128.width / code128Modules('F2LXK0ABHG7F')).toBeGreaterThanOrEqual(0.25);
    expect(layout.code128.width / code128Modules('F2LXK0ABHG7F1234')).toBeGreaterThanOrEqual(0.2);
    expect(layout.code128.height).toBeGreaterThanOrEqual(5);
    // Data Matrix of up to 16 characters is 18 × 18 modules with its quiet zone: 0.4 mm a module at least.
    expect(layout.dataMatrix.width / 20).toBeGreaterThanOrEqual(0.4);
    expect(layout.fontSize).toBeGreaterThanOrEqual(2);
  });

  it('puts 14 Avery L7163 labels on an A4 sheet, all on the page, the 15th on the next', () => {
    const stock = labelStocks['avery-l7163'];
    const grid = stock.sheet!;
    const positions = Array.from({ length: 15 }, (_, i) => sheetPosition(grid, i));
    expect(positions.filter((p) => p.page === 0)).toHaveLength(14);
    expect(positions[14]).toEqual({ page: 1, x: grid.left, y: grid.top });
    for (const p of positions) {
      expect(p.x + stock.width).toBeLessThanOrEqual(210);
      expect(p.y + stock.height).toBeLessThanOrEqual(297);
    }
    expect(positions[13]).toEqual({ page: 0, x: 4.65 + 101.6, y: 15.15 + 6 * 38.1 });
    expect(pageCount(stock, 14)).toBe(1);
    expect(pageCount(stock, 15)).toBe(2);
    expect(pageCount(labelStocks['dymo-54x25'], 3)).toBe(3);
  });
});

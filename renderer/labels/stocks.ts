/**
 * The label stocks desks print on, and where each part of a label goes, in millimetres. Pure, so
 * the sizes are tested without a printer: `stocks.test.ts`.
 */

/** A sheet of labels: how many across and down, where the first one sits and the step between them. */
export interface SheetGrid {
  columns: number;
  rows: number;
  top: number;
  left: number;
  pitchX: number;
  pitchY: number;
  pageWidth: number;
  pageHeight: number;
}

export interface LabelStock {
  id: LabelStockId;
  /** Label size, mm. */
  width: number;
  height: number;
  /** A sheet (A4) of labels; absent for a roll, one label per printed page. */
  sheet?: SheetGrid;
}

export const labelStockIds = ['brother-62', 'dymo-54x25', 'dymo-89x25', 'thermal-50x25', 'avery-l7163'] as const;
export type LabelStockId = (typeof labelStockIds)[number];

export const labelStocks: Record<LabelStockId, LabelStock> = {
  /** Brother QL, 62 mm continuous tape (DK-22205), cut at 29 mm: the size of its die-cut DK-11209. */
  'brother-62': { id: 'brother-62', width: 62, height: 29 },
  /** Dymo LabelWriter 11352 (return address) and 99012 (address). */
  'dymo-54x25': { id: 'dymo-54x25', width: 54, height: 25 },
  'dymo-89x25': { id: 'dymo-89x25', width: 89, height: 25 },
  /** Zebra/TSC direct thermal, 203 dpi. */
  'thermal-50x25': { id: 'thermal-50x25', width: 50, height: 25 },
  /** Avery L7163: A4, 2 × 7 labels of 99.1 × 38.1 mm, for a batch. */
  'avery-l7163': {
    id: 'avery-l7163',
    width: 99.1,
    height: 38.1,
    sheet: { columns: 2, rows: 7, top: 15.15, left: 4.65, pitchX: 101.6, pitchY: 38.1, pageWidth: 210, pageHeight: 297 },
  },
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the parts of one label go, relative to its top left corner. */
export interface LabelLayout {
  /** The Code 128 symbol across the full width (its quiet zones inside). */
  code128: Box;
  /** The code in plain text under it. */
  caption: Box;
  /** The Data Matrix of the same code, bottom left. */
  dataMatrix: Box;
  /** Model, and the "Københavns Kommune" line, right of the Data Matrix. */
  text: Box;
  /** Font size of the text lines, mm. */
  fontSize: number;
}

/**
 * The same layout on every size: Code 128 across the top (a linear symbol needs width: at 0.25 mm
 * a module, two dots of a 203 dpi printer, a 12-character serial takes 47 mm), the code in text, and beneath them a Data Matrix (any 2D reader, phones too) beside the model and owner.
 */
export function labelLayout(stock: Pick<LabelStock, 'width' | 'height'>): LabelLayout {
  const pad = stock.height <= 30 ? 1.5 : 3;
  const innerWidth = stock.width - 2 * pad;
  const innerHeight = stock.height - 2 * pad;
  const code128 = { x: pad, y: pad, width: innerWidth, height: innerHeight * 0.4 };
  const caption = { x: pad, y: code128.y + code128.height, width: innerWidth, height: innerHeight * 0.14 };
  const bottomY = caption.y + caption.height + 0.5;
  const side = stock.height - pad - bottomY;
  const dataMatrix = { x: pad, y: bottomY, width: side, height: side };
  const text = { x: pad + side + 2, y: bottomY, width: innerWidth - side - 2, height: side };
  // Two lines in the Data Matrix's height, and "Københavns Kommune" (18 letters) in the text's width.
  return { code128, caption, dataMatrix, text, fontSize: Math.min(3.2, side / 2.6, text.width / 12) };
}

/** Where label `index` of a batch sits on its sheet page (mm from the page's top left), and which page. */
export function sheetPosition(grid: SheetGrid, index: number): { page: number; x: number; y: number } {
  const perPage = grid.columns * grid.rows;
  const onPage = index % perPage;
  return {
    page: Math.floor(index / perPage),
    x: grid.left + (onPage % grid.columns) * grid.pitchX,
    y: grid.top + Math.floor(onPage / grid.columns) * grid.pitchY,
  };
}

/** Pages a batch of `count` labels takes on a stock: one per label on a roll. */
export function pageCount(stock: LabelStock, count: number): number {
  return stock.sheet ? Math.ceil(count / (stock.sheet.columns * stock.sheet.rows)) : count;
}

/**
 * The modules of a Code 128 symbol of `text` in code set B, the widest case (digits pairs in set C
 * are narrower): start, one per character, check, stop and 2 for the termination bar, 11 each, plus
 * 10-module quiet zones on each side.
 */
export function code128Modules(text: string): number {
  return 11 * (text.length + 3) + 2 + 20;
}

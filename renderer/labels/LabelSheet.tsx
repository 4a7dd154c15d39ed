import { useMemo, type CSSProperties } from 'react';
import { code128Image, dataMatrixImage } from './barcode-svg';
import type { LabelContent } from './label-content';
import { labelLayout, sheetPosition, type Box, type LabelStock } from './stocks';

const mm = (value: number) => `${value}mm`;
const place = (box: Box): CSSProperties => ({ left: mm(box.x), top: mm(box.y), width: mm(box.width), height: mm(box.height) });

function Label({ stock, content }: { stock: LabelStock; content: LabelContent }) {
  const layout = labelLayout(stock);
  const images = useMemo(() => ({ code128: code128Image(content.code), dataMatrix: dataMatrixImage(content.code) }), [content.code]);
  return (
    <div className="label" style={{ width: mm(stock.width), height: mm(stock.height) }} data-code={content.code}>
      <img src={images.code128} alt={content.code} style={place(layout.code128)} />
      <span className="label-caption mono" style={{ ...place(layout.caption), fontSize: mm(layout.caption.height * 0.8) }}>
        {content.code}
      </span>
      <img src={images.dataMatrix} alt="" style={place(layout.dataMatrix)} />
      <span className="label-text" style={{ ...place(layout.text), fontSize: mm(layout.fontSize) }}>
        <strong>{content.title}</strong>
        <span>{content.line}</span>
      </span>
    </div>
  );
}

/**
 * Labels laid out as they print: a roll gets a page per label, a sheet (Avery L7163) its labels at
 * their places on A4 pages. The page size goes into `@page` while the sheet is shown, so the print
 * dialog, Electron's `printToPDF` and Playwright's `page.pdf` all cut the same pages.
 */
export function LabelSheet({ stock, labels }: { stock: LabelStock; labels: readonly LabelContent[] }) {
  const grid = stock.sheet;
  const pageWidth = grid?.pageWidth ?? stock.width;
  const pageHeight = grid?.pageHeight ?? stock.height;
  const pages: Array<Array<{ content: LabelContent; x: number; y: number }>> = [];
  labels.forEach((content, index) => {
    const { page, x, y } = grid ? sheetPosition(grid, index) : { page: index, x: 0, y: 0 };
    (pages[page] ??= []).push({ content, x, y });
  });
  return (
    <div className="label-sheet" data-testid="label-sheet" data-stock={stock.id}>
      <style>{`@page { size: ${mm(pageWidth)} ${mm(pageHeight)}; margin: 0; }`}</style>
      {pages.map((onPage, n) => (
        <section key={n} className="label-page" style={{ width: mm(pageWidth), height: mm(pageHeight) }}>
          {onPage.map(({ content, x, y }, i) => (
            <div key={i} className="label-slot" style={{ left: mm(x), top: mm(y) }}>
              <Label stock={stock} content={content} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/**
 * A PDF read back with PDF.js (`pdfjs-dist`), in Node, with no system tool: its text laid out
 * as `pdftotext -layout` would (a page per `\f`, a line per row of text, two or more spaces
 * between columns, one between words), and a page drawn to PNG for a person to look at.
 */

async function open(path: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(await readFile(path)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}

interface Run {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

function runOf(item: TextItem): Run {
  const [a, b, , , x, y] = item.transform as [number, number, number, number, number, number];
  return { text: item.str, x, y, end: x + item.width, size: Math.hypot(a, b) || item.height || 10 };
}

/** Rows of runs, top to bottom, each left to right; a run within a third of its size of a row's baseline is on that row. */
function rows(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const out: Run[][] = [];
  for (const run of sorted) {
    const row = out.find((r) => Math.abs((r[0] as Run).y - run.y) <= run.size / 3);
    if (row) row.push(run);
    else out.push([run]);
  }
  return out.map((row) => row.sort((p, q) => p.x - q.x));
}

/** A column gap (wider than a couple of letters) becomes two spaces, a word gap one. */
function lineOf(row: Run[]): string {
  let line = '';
  let previous: Run | undefined;
  for (const run of row) {
    if (previous) {
      const gap = run.x - previous.end;
      if (gap > run.size * 0.8) line += '  ';
      else if (gap > run.size * 0.1 && !line.endsWith(' ') && !run.text.startsWith(' ')) line += ' ';
    }
    line += run.text;
    previous = run;
  }
  return line.trimEnd();
}

/** The text of every page, pages separated by form feeds (as pdftotext does). */
export async function pdfText(path: string): Promise<string> {
  const pdf = await open(path);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const runs = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '').map(runOf);
      pages.push(`${rows(runs).map(lineOf).join('\n')}\n`);
    }
    return `${pages.join('\f')}\f`;
  } finally {
    await pdf.destroy();
  }
}

/** The number of pages of a PDF. */
export async function pdfPageCount(path: string): Promise<number> {
  const pdf = await open(path);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

/** Page `n` of the PDF drawn at `dpi` on white. */
async function drawPage(path: string, n: number, dpi: number) {
  const pdf = await open(path);
  try {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return { canvas, context };
  } finally {
    await pdf.destroy();
  }
}

/** Page `n` of the PDF drawn at `dpi` into a PNG file. */
export async function pdfPageToPng(path: string, n: number, dpi: number, png: string): Promise<void> {
  const { canvas } = await drawPage(path, n, dpi);
  await writeFile(png, await canvas.encode('png'));
}

/** Page `n` of the PDF drawn at `dpi` as RGBA pixels, for the barcode decoder. */
export async function pdfPageRgba(path: string, n: number, dpi: number): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { canvas, context } = await drawPage(path, n, dpi);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data: new Uint8ClampedArray(image.data), width: canvas.width, height: canvas.height };
}

/**
 * The page printed as Electron's `printToPDF` is asked to (electron/main/printing.ts pdfOptions:
 * A4 portrait, backgrounds, no browser header — the page's own @page margin boxes carry it) into
 * `<dir>/<name>.pdf`, its first page drawn to `<name>-page1.png` to look at, and its text read back.
 */
export async function printedText(page: Page, dir: string, name: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = `${dir}/${name}.pdf`;
  await page.pdf({ path, format: 'A4', landscape: false, printBackground: true, displayHeaderFooter: false, preferCSSPageSize: false });
  await pdfPageToPng(path, 1, 110, `${dir}/${name}-page1.png`);
  return pdfText(path);
}

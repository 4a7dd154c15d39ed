import { extname, join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import type { InvokeHandlers } from './ipc';

/**
 * Printing the current page (the system print dialog) and saving it as an A4 PDF. Reports are
 * laid out by the renderer's print CSS; the main process only chooses paper and destination.
 */

/**
 * The page's own size with its colours (status badges, table stripes) kept: every printable screen
 * says its paper in `@page` — A4 portrait for reports, receipts and cards, the label stock's size
 * for labels. A4 where a page says nothing.
 */
export const pdfOptions = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  displayHeaderFooter: false,
  preferCSSPageSize: true,
  margins: { marginType: 'default' },
} as const satisfies PrintToPDFOptions;

/** The part of `WebContents` printing uses. */
export interface PrintablePage {
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

/**
 * A file name the renderer proposes, made safe for every desk's file system: no folders (the name
 * must not choose the directory), none of Windows' reserved characters, always ending in `.pdf`.
 */
export function safePdfFileName(proposed: string): string {
  const lastPart = proposed.split(/[\\/]/).pop() ?? '';
  const stem = lastPart
    .replace(/[<>:"|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/\.pdf$/i, '')
    .replace(/^[\s.]+|[\s.]+$/g, '') // Windows drops trailing dots and spaces; leading ones hide files
    .slice(0, 180);
  if (stem === '') return 'Kvikdesk.pdf';
  // Device names Windows refuses as file names, with or without an extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) return `${stem}_.pdf`;
  return `${stem}.pdf`;
}

/** The chosen path, with `.pdf` added when the person typed a name without it. */
export function withPdfExtension(path: string): string {
  return extname(path).toLowerCase() === '.pdf' ? path : `${path}.pdf`;
}

/**
 * `print()` reports a cancelled dialog as a failure; for the desk it is an ordinary answer. Any
 * other failure (no printer, a driver error) is an error the person must see.
 */
export function printOutcome(success: boolean, failureReason: string): { printed: boolean } {
  if (success) return { printed: true };
  if (/cancel/i.test(failureReason)) return { printed: false };
  throw new Error(`Printing failed: ${failureReason || 'unknown reason'}`);
}

export interface PrintingDeps<Page> {
  /** The save dialog, parented to the page's window. */
  showSaveDialog(page: Page, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Where the dialog opens (the person's documents folder). */
  defaultDirectory(): string;
}

export function printingHandlers<E extends { sender: Page }, Page extends PrintablePage>(
  deps: PrintingDeps<Page>,
): Pick<InvokeHandlers<E>, 'print:page' | 'print:pdf'> {
  return {
    'print:page': ({ silent }, { sender }) =>
      new Promise((resolve, reject) => {
        sender.print({ silent, printBackground: true }, (success, failureReason) => {
          try {
            resolve(printOutcome(success, failureReason));
          } catch (error) {
            reject(error);
          }
        });
      }),
    'print:pdf': async ({ fileName }, { sender }) => {
      const choice = await deps.showSaveDialog(sender, {
        defaultPath: join(deps.defaultDirectory(), safePdfFileName(fileName)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      const path = withPdfExtension(choice.filePath);
      const data = await sender.printToPDF(pdfOptions);
      await deps.writeFile(path, data);
      return { saved: true, path };
    },
  };
}

import { join } from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { pdfOptions, printingHandlers, printOutcome, safePdfFileName, withPdfExtension, type PrintablePage } from './printing';

describe('pdfOptions', () => {
  it("is the page's own @page size (A4 where it says none) with background graphics and no browser header", () => {
    expect(pdfOptions).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, landscape: false, printBackground: true, displayHeaderFooter: false });
  });
});

describe('safePdfFileName', () => {
  it('keeps an ordinary name and adds .pdf once', () => {
    expect(safePdfFileName('Lagerstatus 2026-11-23')).toBe('Lagerstatus 2026-11-23.pdf');
    expect(safePdfFileName('Lagerstatus.PDF')).toBe('Lagerstatus.pdf');
    expect(safePdfFileName('Udlån ØKF')).toBe('Udlån ØKF.pdf');
  });

  it('takes no folder from the renderer', () => {
    expect(safePdfFileName('../../.bashrc')).toBe('bashrc.pdf');
    expect(safePdfFileName('C:\\Windows\\System32\\evil')).toBe('evil.pdf');
    expect(safePdfFileName('/etc/cron.d/x.pdf')).toBe('x.pdf');
  });

  it('replaces characters Windows refuses and avoids its device names', () => {
    expect(safePdfFileName('a<b>c:d"e|f?g*h\u0007')).toBe('a_b_c_d_e_f_g_h_.pdf');
    expect(safePdfFileName('CON')).toBe('CON_.pdf');
    expect(safePdfFileName('lpt1.pdf')).toBe('lpt1_.pdf');
  });

  it('falls back to a name when nothing is left', () => {
    expect(safePdfFileName('...')).toBe('Kvikdesk.pdf');
    expect(safePdfFileName('dir/')).toBe('Kvikdesk.pdf');
  });
});

describe('withPdfExtension', () => {
  it('adds .pdf only when missing', () => {
    expect(withPdfExtension('/home/a/rapport')).toBe('/home/a/rapport.pdf');
    expect(withPdfExtension('/home/a/rapport.PDF')).toBe('/home/a/rapport.PDF');
  });
});

describe('printOutcome', () => {
  it('treats a cancelled dialog as not printed, not as an error', () => {
    expect(printOutcome(true, '')).toEqual({ printed: true });
    expect(printOutcome(false, 'Print job canceled')).toEqual({ printed: false });
    expect(printOutcome(false, 'cancelled')).toEqual({ printed: false });
  });

  it('throws on a real failure', () => {
    expect(() => printOutcome(false, 'Print job failed')).toThrow('Printing failed: Print job failed');
    expect(() => printOutcome(false, '')).toThrow('unknown reason');
  });
});

class FakePage implements PrintablePage {
  printCalls: WebContentsPrintOptions[] = [];
  pdfCalls: PrintToPDFOptions[] = [];
  constructor(private readonly printResult: [boolean, string] = [true, '']) {}
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    setTimeout(() => callback(...this.printResult), 0);
  }
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    this.pdfCalls.push(options);
    return Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake'));
  }
}

function setUp(dialogAnswer: { canceled: boolean; filePath?: string }) {
  const dialogs: SaveDialogOptions[] = [];
  const written: Array<[string, string]> = [];
  const handlers = printingHandlers<{ sender: FakePage }, FakePage>({
    showSaveDialog: (_page, options) => (dialogs.push(options), Promise.resolve(dialogAnswer)),
    writeFile: (path, data) => (written.push([path, new TextDecoder().decode(data)]), Promise.resolve()),
    defaultDirectory: () => '/home/desk/Documents',
  });
  return { handlers, dialogs, written };
}

describe('print:pdf', () => {
  it('asks where to save, renders A4 and writes the file there', async () => {
    const { handlers, dialogs, written } = setUp({ canceled: false, filePath: '/home/desk/Documents/lager' });
    const page = new FakePage();
    const result = await handlers['print:pdf']({ fileName: 'Lagerstatus.pdf' }, { sender: page });
    expect(result).toEqual({ saved: true, path: '/home/desk/Documents/lager.pdf' });
    expect(dialogs[0]?.defaultPath).toBe(join('/home/desk/Documents', 'Lagerstatus.pdf'));
    expect(dialogs[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(page.pdfCalls).toEqual([pdfOptions]);
    expect(written).toEqual([['/home/desk/Documents/lager.pdf', '%PDF-1.7 fake']]);
  });

  it('renders and writes nothing when the dialog is cancelled', async () => {
    const { handlers, written } = setUp({ canceled: true });
    const page = new FakePage();
    expect(await handlers['print:pdf']({ fileName: 'x' }, { sender: page })).toEqual({ saved: false });
    expect(page.pdfCalls).toEqual([]);
    expect(written).toEqual([]);
  });
});

describe('print:page', () => {
  it('prints with the dialog unless asked to be silent, backgrounds kept', async () => {
    const { handlers } = setUp({ canceled: true });
    const page = new FakePage();
    expect(await handlers['print:page']({ silent: false }, { sender: page })).toEqual({ printed: true });
    expect(page.printCalls).toEqual([{ silent: false, printBackground: true }]);
  });

  it('reports a cancelled dialog and rejects a failed print', async () => {
    const { handlers } = setUp({ canceled: true });
    expect(await handlers['print:page']({ silent: false }, { sender: new FakePage([false, 'Print job canceled']) })).toEqual({ printed: false });
    await expect(Promise.resolve(handlers['print:page']({ silent: true }, { sender: new FakePage([false, 'Invalid deviceName provided']) }))).rejects.toThrow(
      'Invalid deviceName',
    );
  });
});

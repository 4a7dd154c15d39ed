/**
 * The printed page's running header and footer, as CSS `@page` margin boxes: what and where at the
 * top left, who printed it and when at the top right, "Side X af Y" at the bottom right.
 *
 * Chromium lays out margin boxes since version 131 (Electron 41 ships 146), in every way a page
 * leaves the app: the print dialog (`window.print()` in plain Chromium, `webContents.print()` in
 * Electron), Electron's `printToPDF` and Playwright's `page.pdf()`. One mechanism, so the header
 * and the page numbers are the same on paper, in a saved PDF and in the end-to-end test; the
 * PDF options keep `displayHeaderFooter: false` (Chromium's own header would come on top).
 */
import { TIME_ZONE } from '../app/format';

export interface PrintPageText {
  /** Top left, e.g. `Daglig lagerrapport · Centrallager · 24.11.2026`. */
  title: string;
  /** Top right, e.g. `Udskrevet af MK 24.11.2026 16.05`. */
  printed: string;
  /** The page number's words with `{{page}}` and `{{pages}}` where the numbers go. */
  pageOf: string;
}

/** A CSS string literal: quotes and backslashes escaped, anything outside printable text as a hex escape. */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    // `<` too: the rule goes into a <style> element, which must never see `</style`.
    else if (code < 0x20 || code === 0x7f || char === '<' || char === '>') out += `\\${code.toString(16)} `;
    else out += char;
  }
  return `${out}"`;
}

/** `Side {{page}} af {{pages}}` → `"Side " counter(page) " af " counter(pages)`. */
export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{\{pages\}\}|\{\{page\}\})/).filter((part) => part !== '');
  if (parts.length === 0) return 'counter(page)';
  return parts.map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part))).join(' ');
}

const box = 'font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 8pt; color: #333;';

export function printPageCss({ title, printed, pageOf }: PrintPageText): string {
  return [
    '@page {',
    '  size: A4 portrait;',
    '  margin: 17mm 14mm 16mm;',
    `  @top-left { content: ${cssString(title)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }`,
    `  @top-right { content: ${cssString(printed)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }`,
    `  @bottom-left { content: "Kvikdesk"; ${box} vertical-align: top; padding-top: 3mm; }`,
    `  @bottom-right { content: ${pageCounterContent(pageOf)}; ${box} vertical-align: top; padding-top: 3mm; }`,
    '}',
  ].join('\n');
}

/** When it was printed, to the minute, in the operator's locale (`24.11.2026, 16.05`). */
export function formatPrintedAt(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

import { describe, expect, it } from 'vitest';
import { cssString, formatPrintedAt, pageCounterContent, printPageCss } from './print-page';

describe('cssString', () => {
  it('quotes text, escaping quotes and backslashes and keeping Danish letters', () => {
    expect(cssString('Rådhuset · Ærø')).toBe('"Rådhuset · Ærø"');
    expect(cssString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
  });

  it('cannot end the style element or the rule: <, >, newlines and controls become hex escapes', () => {
    const css = cssString('</style><script>alert(1)</script>\n}');
    expect(css).not.toMatch(/[<>\n]/);
    expect(css).toBe('"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\a }"');
  });
});

describe('pageCounterContent', () => {
  it('puts the page counters where the words say', () => {
    expect(pageCounterContent('Side {{page}} af {{pages}}')).toBe('"Side " counter(page) " af " counter(pages)');
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageCounterContent('{{page}}/{{pages}}')).toBe('counter(page) "/" counter(pages)');
    expect(pageCounterContent('')).toBe('counter(page)');
  });
});

describe('printPageCss', () => {
  it('is an A4 portrait @page rule with the header and footer in its margin boxes', () => {
    const css = printPageCss({ title: 'Daglig lagerrapport · Centrallager', printed: 'Udskrevet af MK', pageOf: 'Side {{page}} af {{pages}}' });
    expect(css).toMatch(/^@page \{\n {2}size: A4 portrait;/);
    expect(css).toContain('@top-left { content: "Daglig lagerrapport · Centrallager";');
    expect(css).toContain('@top-right { content: "Udskrevet af MK";');
    expect(css).toContain('@bottom-right { content: "Side " counter(page) " af " counter(pages);');
    expect(css.match(/\{/g)?.length).toBe(css.match(/\}/g)?.length);
  });
});

describe('formatPrintedAt', () => {
  it('gives the minute in Copenhagen time in the operator’s locale', () => {
    expect(formatPrintedAt('2026-11-24T15:05:42.000Z', 'da-DK')).toBe('24.11.2026, 16.05');
    expect(formatPrintedAt('2026-07-01T10:00:00.000Z', 'en-GB')).toBe('01/07/2026, 12:00');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText, fileNameOf } from './csv-download';

describe('downloadText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a hidden download link to a UTF-8 blob of the text, byte-order mark included', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:report'));
    const clicked: Array<{ href: string; download: string; inDocument: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    downloadText('\uFEFFBevægelse;Antal\r\nModtaget;2\r\n', 'Lager ØKF.csv');
    expect(clicked).toEqual([{ href: 'blob:report', download: 'Lager ØKF.csv', inDocument: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Bevægelse;Antal\r\nModtaget;2\r\n');
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
  });
});

describe('fileNameOf', () => {
  it('keeps words and Danish letters and drops what a file system refuses', () => {
    expect(fileNameOf('Daglig lagerrapport', 'Kvikskranke Rådhuset', '2026-11-24')).toBe('Daglig lagerrapport Kvikskranke Rådhuset 2026-11-24');
    expect(fileNameOf('a/b\\c:d*e?', ' f ')).toBe('a_b_c_d_e_ f');
  });
});

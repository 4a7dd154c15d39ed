import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasShared, sharedMissing, sharedPath } from '../../tests/support/shared-dir';
import { decodeImage, readImage, type RgbaImage } from './decode';

const barcodes = sharedPath('fixtures/barcodes');

function loadPng(file: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(file));
  return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
}

interface Fixture {
  name: string;
  file: string;
  expected: string;
  /** SYMBOLOGY_IDENTIFIER from `N.metadata.txt`, where the zxing project recorded one. */
  symbology?: string;
}

function fixtures(folder: string): Fixture[] {
  const dir = join(barcodes, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => {
      const stem = f.slice(0, -'.png'.length);
      const textFile = join(dir, `${stem}.txt`);
      const metaFile = join(dir, `${stem}.metadata.txt`);
      const symbology = existsSync(metaFile) ? /SYMBOLOGY_IDENTIFIER=(\S+)/.exec(readFileSync(metaFile, 'utf8'))?.[1] : undefined;
      return { name: `${folder}/${f}`, file: join(dir, f), expected: existsSync(textFile) ? readFileSync(textFile, 'utf8') : '', ...(symbology ? { symbology } : {}) };
    });
}

// Nothing may come from the network: zxing-wasm's default would fetch the .wasm from a CDN.
const fetchSpy = vi.fn(() => Promise.reject(new Error('decodeImage must not use the network')));
beforeAll(() => vi.stubGlobal('fetch', fetchSpy));
afterAll(() => {
  vi.unstubAllGlobals();
  expect(fetchSpy).not.toHaveBeenCalled();
});

describe.skipIf(!hasShared)('decodeImage on ../shared/fixtures/barcodes', () => {
  if (!hasShared) console.warn(sharedMissing);

  const everyOne = ['code128-1', 'code128-3', 'code39-1', 'ean13-1', 'datamatrix-1', 'qrcode-1'];
  for (const folder of everyOne) {
    const list = fixtures(folder);
    it(`${folder} has fixtures`, () => expect(list.length).toBeGreaterThan(0));
    it.each(list.map((f) => [f.name, f] as const))('reads %s', async (_name, fixture) => {
      const results = await decodeImage(loadPng(fixture.file));
      expect(results.map((r) => r.text)).toContain(fixture.expected);
    });
  }

  it('reads at least 19 of the 20 code128-2 camera photos (zxing Java: 36/40 on the full set)', async () => {
    const list = fixtures('code128-2');
    expect(list).toHaveLength(20);
    const read: string[] = [];
    for (const fixture of list) {
      const results = await decodeImage(loadPng(fixture.file));
      if (results.some((r) => r.text === fixture.expected && r.format === 'Code128')) read.push(fixture.name);
    }
    expect(read.length).toBeGreaterThanOrEqual(19);
  });

  it.each(fixtures('falsepositives').map((f) => [f.name, f] as const))('reads nothing in %s', async (_name, fixture) => {
    expect(await decodeImage(loadPng(fixture.file))).toEqual([]);
  });

  it('names formats as zxing-wasm does and gives the AIM identifier the zxing project recorded', async () => {
    const withSymbology = ['code128-1', 'code39-1', 'ean13-1', 'datamatrix-1', 'qrcode-1'].flatMap(fixtures).filter((f) => f.symbology);
    expect(withSymbology.length).toBeGreaterThanOrEqual(5);
    for (const fixture of withSymbology) {
      const [symbol] = await readImage(loadPng(fixture.file));
      expect(symbol?.symbology, fixture.name).toBe(fixture.symbology);
    }
    const [ean] = await decodeImage(loadPng(join(barcodes, 'ean13-1/1.png')));
    expect(ean).toEqual({ text: '8413000065504', format: 'EAN13' });
  });
});

describe('decodeImage input', () => {
  it('rejects pixels that do not match the size', async () => {
    await expect(decodeImage({ data: new Uint8ClampedArray(10), width: 2, height: 2 })).rejects.toThrow(/needs 16 bytes/);
    await expect(decodeImage({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).rejects.toThrow(/positive integers/);
  });

  it('reads nothing in a blank frame', async () => {
    const blank = new Uint8ClampedArray(320 * 240 * 4).fill(255);
    expect(await decodeImage({ data: blank, width: 320, height: 240 })).toEqual([]);
  });
});

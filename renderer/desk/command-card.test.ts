import { describe, expect, it } from 'vitest';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { decodeImage } from '../../shared/scan/decode';
import { parseScan } from '../../shared/scan/parse';
import { decideScan } from './decide';
import { readBatchSettings } from './workflows';
import { code128Options } from '../labels/barcode-svg';
import { commandCodes } from './CommandCard';

describe('the desk command card', () => {
  it('every printed code reads back with the camera decoder and drives the desk', async () => {
    for (const { code } of commandCodes) {
      // The card's own symbol (`labels/barcode-svg.ts`), rasterised at two pixels a module.
      const png = PNG.sync.read(await bwipjs.toBuffer({ ...code128Options(code), scale: 2 }));
      const read = await decodeImage({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
      expect(read.map((r) => r.text)).toEqual([code]);
      const decision = decideScan({ mode: 'receive', settings: readBatchSettings({}), place: { location: 'LAGER', today: '2026-11-30' }, scan: parseScan(code), device: undefined, batchKeys: new Set(), models: [] });
      expect(['mode', 'command']).toContain(decision.kind);
    }
  });
});

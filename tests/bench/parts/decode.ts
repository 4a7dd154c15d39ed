import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type * as ZXingLibrary from '@zxing/library';
import { PNG } from 'pngjs';
import { decodeImage, type RgbaImage } from '../../../shared/scan/decode';
import { hasShared, sharedMissing, sharedPath } from '../../support/shared-dir';
import { figure, median, type BenchPart, type Figure } from '../figures';

/**
 * Barcode decoding: `zxing-wasm` (what decodeImage uses; the figure) against `@zxing/library`
 * 0.23 (the pure-JS port; the baseline), on the same RGBA pixels in the same run.
 *
 * - per fixture folder: read rate (% of images whose expected text is among the results) and
 *   mean ms per image; for `falsepositives`, the images with any read at all (lower is better);
 * - frames per second on a 1280×720 frame (a fixture photo scaled onto it), with a barcode and
 *   without one (a camera mostly sees frames it cannot read; that is the slow case);
 * - code128-2 against the zxing Java reference (36/40 = 90 % on the full 40-photo set).
 *
 * `@zxing/library` is used as its own docs show for Node: luminance → HybridBinarizer →
 * MultiFormatReader with TRY_HARDER and the same formats, one decode per image.
 */

// Its ESM entry has no named exports Node can see; require gives the real module.
const ZXing: typeof ZXingLibrary = createRequire(import.meta.url)('@zxing/library');
const { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } = ZXing;

const folders = ['code128-1', 'code128-2', 'code128-3', 'code39-1', 'ean13-1', 'datamatrix-1', 'qrcode-1', 'falsepositives'];
const frameWidth = 1280;
const frameHeight = 720;
const framesTimed = 30;
const passes = 3;

interface Fixture {
  name: string;
  image: RgbaImage;
  expected: string | null;
}

function loadPng(file: string): RgbaImage {
  const png = PNG.sync.read(readFileSync(file));
  return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
}

function loadFolder(folder: string): Fixture[] {
  const dir = sharedPath('fixtures/barcodes', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => {
      const text = join(dir, f.replace(/\.png$/, '.txt'));
      return { name: `${folder}/${f}`, image: loadPng(join(dir, f)), expected: existsSync(text) ? readFileSync(text, 'utf8') : null };
    });
}

type Decoder = (image: RgbaImage) => Promise<string[]>;

const zxingWasm: Decoder = async (image) => (await decodeImage(image)).map((r) => r.text);

function zxingLibraryDecoder(): Decoder {
  const reader = new MultiFormatReader();
  const hints = new Map<ZXingLibrary.DecodeHintType, unknown>([
    [DecodeHintType.TRY_HARDER, true],
    [
      DecodeHintType.POSSIBLE_FORMATS,
      [BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.DATA_MATRIX, BarcodeFormat.QR_CODE],
    ],
  ]);
  reader.setHints(hints);
  return async (image) => {
    const source = new RGBLuminanceSource(luminance(image), image.width, image.height);
    // 0.23 console.warns every reader's NotFoundException ("non-ReaderException"); thousands of
    // stack traces would bury the figures. Silenced only around its own decode call.
    const warn = console.warn;
    console.warn = () => {};
    try {
      return [reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText()];
    } catch {
      return []; // NotFound, Checksum, Format: nothing read
    } finally {
      console.warn = warn;
      reader.reset();
    }
  };
}

/** Grey as zxing computes it (and as zxing-wasm does), with transparent pixels on white, as decodeImage does. */
function luminance({ data, width, height }: RgbaImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) {
    const alpha = (data[i + 3] ?? 255) / 255;
    const white = 255 * (1 - alpha);
    const [r, g, b] = [(data[i] ?? 0) * alpha + white, (data[i + 1] ?? 0) * alpha + white, (data[i + 2] ?? 0) * alpha + white];
    out[p] = (306 * r + 601 * g + 117 * b + 512) >> 10;
  }
  return out;
}

/** A photo scaled (bilinear) to the frame's height and centred on a mid-grey 1280×720 frame. */
function asFrame(photo: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(frameWidth * frameHeight * 4).fill(128);
  const scale = frameHeight / photo.height;
  const width = Math.min(frameWidth, Math.round(photo.width * scale));
  const left = Math.floor((frameWidth - width) / 2);
  const px = (x: number, y: number, c: number) => photo.data[(y * photo.width + x) * 4 + c] ?? 0;
  for (let y = 0; y < frameHeight; y++) {
    const sy = Math.min(photo.height - 1, y / scale);
    const y0 = Math.floor(sy);
    const y1 = Math.min(photo.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(photo.width - 1, x / scale);
      const x0 = Math.floor(sx);
      const x1 = Math.min(photo.width - 1, x0 + 1);
      const fx = sx - x0;
      const o = (y * frameWidth + left + x) * 4;
      for (let c = 0; c < 3; c++) {
        const top = px(x0, y0, c) * (1 - fx) + px(x1, y0, c) * fx;
        const bottom = px(x0, y1, c) * (1 - fx) + px(x1, y1, c) * fx;
        data[o + c] = top * (1 - fy) + bottom * fy;
      }
      data[o + 3] = 255;
    }
  }
  return { data, width: frameWidth, height: frameHeight };
}

interface FolderResult {
  read: number;
  anyRead: number;
  msPerImage: number;
}

/**
 * Each folder is read `passes` times and the fastest pass counts: the machine is shared, and the
 * slower passes measure the neighbours. Reads are deterministic, so any pass gives the counts.
 */
async function runFolder(decode: Decoder, fixtures: Fixture[]): Promise<FolderResult> {
  let read = 0;
  let anyRead = 0;
  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < passes; pass++) {
    read = 0;
    anyRead = 0;
    const started = performance.now();
    for (const fixture of fixtures) {
      const texts = await decode(fixture.image);
      if (texts.length > 0) anyRead += 1;
      if (fixture.expected !== null && texts.includes(fixture.expected)) read += 1;
    }
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { read, anyRead, msPerImage: fastest / fixtures.length };
}

/** Frames per second from the median frame time, for the same reason. */
async function framesPerSecond(decode: Decoder, frame: RgbaImage, expected: string | null): Promise<{ fps: number; read: number }> {
  let read = 0;
  const times: number[] = [];
  for (let i = 0; i < framesTimed; i++) {
    const started = performance.now();
    const texts = await decode(frame);
    times.push(performance.now() - started);
    if (expected !== null && texts.includes(expected)) read += 1;
  }
  return { fps: 1000 / median(times), read };
}

const percent = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of);

export const part: BenchPart = {
  name: 'decode',
  async run() {
    if (!hasShared) {
      console.log(`  ${sharedMissing}`);
      return {};
    }
    const zxingLibrary = zxingLibraryDecoder();
    const blank: RgbaImage = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
    await zxingWasm(blank); // instantiate the .wasm outside the timings
    await zxingLibrary(blank);

    const figures: Record<string, Figure> = {};
    for (const folder of folders) {
      const fixtures = loadFolder(folder);
      const wasm = await runFolder(zxingWasm, fixtures);
      const js = await runFolder(zxingLibrary, fixtures);
      const n = fixtures.length;
      if (folder === 'falsepositives') {
        figures[`decode.${folder}.false_reads`] = figure(wasm.anyRead, 'images', js.anyRead, `of ${n} photos with no barcode; lower is better`);
      } else {
        figures[`decode.${folder}.read_rate`] = figure(percent(wasm.read, n), '%', percent(js.read, n), `zxing-wasm ${wasm.read}/${n}, @zxing/library ${js.read}/${n}`);
      }
      figures[`decode.${folder}.ms_per_image`] = figure(wasm.msPerImage, 'ms', js.msPerImage, 'baseline @zxing/library');
      if (folder === 'code128-2') {
        figures['decode.code128-2.vs_zxing_java'] = figure(percent(wasm.read, n), '%', 90, `zxing-wasm ${wasm.read}/${n}; baseline: zxing Java reference 36/40 on the full set (fixtures README, not this run)`);
      }
    }

    const load = `load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`;
    const withCode = loadFolder('code128-2').find((f) => f.name.endsWith('/02.png'));
    const withoutCode = loadFolder('falsepositives')[0];
    if (withCode && withoutCode) {
      const frame = asFrame(withCode.image);
      const wasm = await framesPerSecond(zxingWasm, frame, withCode.expected);
      const js = await framesPerSecond(zxingLibrary, frame, withCode.expected);
      figures['decode.frame_1280x720.fps'] = figure(wasm.fps, 'fps', js.fps, `target ≥ 15; ${withCode.name} on 1280×720, read in ${wasm.read}/${framesTimed} (baseline ${js.read}/${framesTimed}); ${load}`);
      const empty = asFrame(withoutCode.image);
      const wasmEmpty = await framesPerSecond(zxingWasm, empty, null);
      const jsEmpty = await framesPerSecond(zxingLibrary, empty, null);
      figures['decode.frame_1280x720_no_code.fps'] = figure(wasmEmpty.fps, 'fps', jsEmpty.fps, `target ≥ 15; ${withoutCode.name} on 1280×720, the slow case; ${load}`);
    }
    return figures;
  },
};

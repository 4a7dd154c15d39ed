import { prepareZXingModule, readBarcodes, type ReaderOptions, type ZXingModuleOverrides } from 'zxing-wasm/reader';

/**
 * Barcodes in an RGBA image (a camera frame, a photo), read by zxing-cpp compiled to WebAssembly
 * (`zxing-wasm`, reader build). The same in Node, in the browser and in a Web Worker.
 *
 * Contract other tests rely on: `decodeImage(image)` → `[{ text, format }]`, `format` being
 * zxing-wasm's name (`Code128`, `Code39`, `EAN13`, `UPCA`, `DataMatrix`, `QRCode`, ...). `text` is
 * the plain content: GS1 data keeps its inner FNC1s as GS (ASCII 29) and loses the leading one,
 * which `readImage` reports as the AIM symbology identifier (`]C1`, `]d2`, `]Q3`).
 */

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface DecodedBarcode {
  text: string;
  format: string;
}

export interface DecodedSymbol extends DecodedBarcode {
  /** AIM symbology identifier (`]C0`, `]C1`, `]E0`, `]d2`, `]Q1`, ...). */
  symbology: string;
}

/** What the desk reads: IMEI and serial labels (Code 128, some Code 39), boxes (EAN/UPC), 2D labels. */
export const decodeFormats = ['Code128', 'Code39', 'EAN13', 'EAN8', 'UPCA', 'UPCE', 'DataMatrix', 'QRCode'] as const;

const readerOptions: ReaderOptions = {
  formats: [...decodeFormats],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  textMode: 'Plain',
};

export function decodeImage(image: RgbaImage): Promise<DecodedBarcode[]> {
  return readImage(image).then((symbols) => symbols.map(({ text, format }) => ({ text, format })));
}

/** `decodeImage` plus each symbol's AIM identifier, for a ScanEvent's `symbology`. */
export async function readImage(image: RgbaImage): Promise<DecodedSymbol[]> {
  const { data, width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`decodeImage: width and height must be positive integers, got ${width}×${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`decodeImage: ${width}×${height} RGBA needs ${width * height * 4} bytes, got ${data.length}`);
  }
  await zxingReady();
  // Shaped as ImageData (colorSpace included) without needing the DOM's ImageData constructor,
  // which Node lacks.
  const pixels = { data: opaque(data), width, height, colorSpace: 'srgb' } as const;
  const results = await readBarcodes(pixels, readerOptions);
  return results.filter((r) => r.isValid).map((r) => ({ text: r.text, format: r.format, symbology: r.symbologyIdentifier }));
}

/**
 * zxing turns RGBA into grey ignoring alpha, so a transparent background (PNG renderings of
 * labels: transparent black) reads as black. Put such pixels on white first; camera frames are
 * opaque and pass through untouched.
 */
function opaque(data: Uint8ClampedArray): Uint8ClampedArray<ArrayBuffer> {
  let transparent = false;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] !== 255) {
      transparent = true;
      break;
    }
  }
  // zxing-wasm takes ImageData's array, which may not sit on a SharedArrayBuffer.
  if (!transparent) return onArrayBuffer(data) ? data : new Uint8ClampedArray(data);
  const out = new Uint8ClampedArray(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const alpha = (data[i + 3] ?? 255) / 255;
    const white = 255 * (1 - alpha);
    out[i] = (data[i] ?? 0) * alpha + white;
    out[i + 1] = (data[i + 1] ?? 0) * alpha + white;
    out[i + 2] = (data[i + 2] ?? 0) * alpha + white;
    out[i + 3] = 255;
  }
  return out;
}

function onArrayBuffer(data: Uint8ClampedArray): data is Uint8ClampedArray<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer;
}

let ready: Promise<unknown> | undefined;

function zxingReady(): Promise<unknown> {
  ready ??= wasmOverrides()
    .then((overrides) => prepareZXingModule({ overrides, fireImmediately: true }))
    .catch((error: unknown) => {
      ready = undefined; // let the next call try again
      throw new Error(`decodeImage: could not load zxing_reader.wasm from the zxing-wasm package: ${String(error)}`);
    });
  return ready;
}

/*
 * The environment switch — the one place in shared/ that knows where it runs. The `.wasm` always
 * comes from the installed zxing-wasm package, never from the network: zxing-wasm's default
 * `locateFile` points at a CDN, so it is overridden in both branches.
 *
 * - Node (tests, benchmarks, the Electron main process): read the file from node_modules with
 *   node:fs and hand the bytes over as `wasmBinary`; `locateFile` then only names it.
 * - Browser, Electron renderer, Web Worker (built by Vite): the `?url` import makes Vite copy the
 *   file into the build and give its URL; Emscripten fetches it from the app's own origin. The
 *   page must be served over http(s) or a custom protocol (fetch cannot read file:// URLs).
 *
 * The Node modules are imported through variables so bundlers leave them alone, and their shapes
 * are checked, because shared/ is type-checked without Node types.
 */
function wasmOverrides(): Promise<ZXingModuleOverrides> {
  return isNode() ? nodeOverrides() : browserOverrides();
}

function isNode(): boolean {
  const get = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);
  return typeof get(get(Reflect.get(globalThis, 'process'), 'versions'), 'node') === 'string';
}

async function browserOverrides(): Promise<ZXingModuleOverrides> {
  const { default: wasmUrl } = await import('zxing-wasm/reader/zxing_reader.wasm?url');
  return { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) };
}

interface NodeModuleApi {
  createRequire(from: string): { resolve(id: string): string };
}
interface NodeFsApi {
  readFile(path: string): Promise<Uint8Array>;
}

function hasFunction(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && name in value && typeof Reflect.get(value, name) === 'function';
}
const isNodeModuleApi = (value: unknown): value is NodeModuleApi => hasFunction(value, 'createRequire');
const isNodeFsApi = (value: unknown): value is NodeFsApi => hasFunction(value, 'readFile');

async function nodeOverrides(): Promise<ZXingModuleOverrides> {
  const moduleSpecifier = 'node:module';
  const fsSpecifier = 'node:fs/promises';
  const nodeModule: unknown = await import(/* @vite-ignore */ moduleSpecifier);
  const nodeFs: unknown = await import(/* @vite-ignore */ fsSpecifier);
  const meta: { url?: unknown } = import.meta;
  if (!isNodeModuleApi(nodeModule) || !isNodeFsApi(nodeFs) || typeof meta.url !== 'string') {
    throw new Error('node:module, node:fs/promises or import.meta.url is not what Node provides');
  }
  const file = nodeModule.createRequire(meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await nodeFs.readFile(file);
  const wasmBinary = new Uint8Array(bytes).buffer;
  return { wasmBinary, locateFile: (path: string) => path };
}

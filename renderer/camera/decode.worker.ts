import { readImage } from '../../shared/scan/decode';
import { boxPixels } from './frame-box';
import { frameRequestSchema, type FrameRequest, type FrameResponse } from './worker-protocol';

/**
 * The camera's decoder, off the main thread: a frame comes in as an ImageBitmap, is drawn on an
 * OffscreenCanvas, and zxing-wasm reads the frame box's pixels, then (if asked and the box had
 * nothing) the whole frame's. The .wasm is the one Vite bundles from the installed zxing-wasm
 * package (`shared/scan/decode.ts`), fetched from the app's own origin.
 */

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | undefined;

function drawn(bitmap: ImageBitmap): OffscreenCanvasRenderingContext2D {
  if (!canvas || !context || canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
    canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    context = canvas.getContext('2d', { willReadFrequently: true }) ?? undefined;
    if (!context) throw new Error('the worker has no 2D canvas context');
  }
  context.drawImage(bitmap, 0, 0);
  return context;
}

async function decode({ id, bitmap, box, fullFrame }: FrameRequest): Promise<FrameResponse> {
  const started = performance.now();
  const { width, height } = bitmap;
  try {
    const pixels = drawn(bitmap);
    const rect = boxPixels(box, width, height);
    let codes = await readImage(pixels.getImageData(rect.x, rect.y, rect.width, rect.height));
    let searched: 'box' | 'frame' = 'box';
    if (codes.length === 0 && fullFrame) {
      codes = await readImage(pixels.getImageData(0, 0, width, height));
      searched = 'frame';
    }
    return { ok: true, id, codes, searched, ms: performance.now() - started, width, height };
  } finally {
    bitmap.close();
  }
}

// One frame at a time: the panel sends the next only after this one's answer (back-pressure), and
// the chain keeps the order even if it did not.
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = frameRequestSchema.safeParse(event.data);
  const id = typeof event.data === 'object' && event.data !== null ? Reflect.get(event.data, 'id') : undefined;
  if (!request.success) {
    self.postMessage({ ok: false, id: typeof id === 'number' ? id : -1, error: `not a frame request: ${request.error.message}` } satisfies FrameResponse);
    return;
  }
  queue = queue.then(async () => {
    let response: FrameResponse;
    try {
      response = await decode(request.data);
    } catch (error) {
      response = { ok: false, id: request.data.id, error: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(response);
  });
});

import type { FrameBox } from './frame-box';
import { frameResponseSchema, type FrameDecoded, type FrameRequest } from './worker-protocol';

/** The decoder worker as the camera panel uses it: one frame in, its codes out. */
export interface FrameDecoder {
  /** Transfers the bitmap to the worker (it is closed there). */
  decode(bitmap: ImageBitmap, box: FrameBox, options: { fullFrame: boolean }): Promise<FrameDecoded>;
  /** Ends the worker; pending and later decodes reject. */
  close(): void;
}

/** What the decoder needs of a Worker, so tests can hand in their own. */
export interface WorkerPort {
  postMessage(message: FrameRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export function startDecodeWorker(): WorkerPort {
  // This exact form is what Vite recognises to bundle the worker (and the .wasm it imports).
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'kvikdesk-decoder' });
}

export function createFrameDecoder(worker: WorkerPort = startDecodeWorker()): FrameDecoder {
  const pending = new Map<number, { resolve(value: FrameDecoded): void; reject(error: Error): void }>();
  let nextId = 1;
  let broken: Error | null = null;

  const failAll = (error: Error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  worker.addEventListener('message', (event) => {
    const parsed = frameResponseSchema.safeParse('data' in event ? event.data : undefined);
    if (!parsed.success) {
      failAll(new Error(`the decoder worker answered something else: ${parsed.error.message}`));
      return;
    }
    const response = parsed.data;
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    if (response.ok) waiting.resolve(response);
    else waiting.reject(new Error(response.error));
  });
  // The worker script or its .wasm could not load (a CSP, a broken build): nothing will decode.
  worker.addEventListener('error', (event) => {
    const message = 'message' in event && typeof event.message === 'string' && event.message ? event.message : 'could not start';
    failAll(new Error(`the decoder worker failed: ${message}`));
  });
  worker.addEventListener('messageerror', () => failAll(new Error('the decoder worker sent a message that could not be read')));

  return {
    decode(bitmap, box, { fullFrame }) {
      if (broken) {
        bitmap.close();
        return Promise.reject(broken);
      }
      const id = nextId++;
      return new Promise<FrameDecoded>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, bitmap, box, fullFrame }, [bitmap]);
      });
    },
    close() {
      worker.terminate();
      failAll(new Error('the decoder was closed'));
    },
  };
}

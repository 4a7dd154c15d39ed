import { describe, expect, it } from 'vitest';
import { defaultFrameBox } from './frame-box';
import { createFrameDecoder, type WorkerPort } from './frame-decoder';
import type { FrameRequest, FrameResponse } from './worker-protocol';

/** A worker that records what it is sent and answers when the test says so. */
class FakeWorker extends EventTarget implements WorkerPort {
  readonly sent: Array<{ message: FrameRequest; transfer: Transferable[] }> = [];
  terminated = false;
  postMessage(message: FrameRequest, transfer: Transferable[]): void {
    this.sent.push({ message, transfer });
  }
  answer(data: FrameResponse | unknown): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function bitmap(): ImageBitmap & { closed: boolean } {
  const b = { width: 1280, height: 720, closed: false, close: () => (b.closed = true) };
  return b;
}

const decoded = (id: number, text: string): FrameResponse => ({
  ok: true,
  id,
  codes: [{ text, format: 'Code128', symbology: ']C0' }],
  searched: 'box',
  ms: 40,
  width: 1280,
  height: 720,
});

describe('createFrameDecoder', () => {
  it('transfers the frame to the worker and matches answers to requests by id', async () => {
    const worker = new FakeWorker();
    const decoder = createFrameDecoder(worker);
    const [b1, b2] = [bitmap(), bitmap()];
    const first = decoder.decode(b1, defaultFrameBox, { fullFrame: true });
    const second = decoder.decode(b2, defaultFrameBox, { fullFrame: false });
    expect(worker.sent.map((s) => [s.message.id, s.message.fullFrame, s.transfer[0] === s.message.bitmap])).toEqual([
      [1, true, true],
      [2, false, true],
    ]);
    worker.answer(decoded(2, 'SECOND'));
    worker.answer(decoded(1, 'FIRST'));
    await expect(first).resolves.toMatchObject({ codes: [{ text: 'FIRST' }] });
    await expect(second).resolves.toMatchObject({ codes: [{ text: 'SECOND' }] });
  });

  it('rejects a frame the worker could not decode, and keeps going', async () => {
    const worker = new FakeWorker();
    const decoder = createFrameDecoder(worker);
    const failing = decoder.decode(bitmap(), defaultFrameBox, { fullFrame: true });
    worker.answer({ ok: false, id: 1, error: 'could not load zxing_reader.wasm' });
    await expect(failing).rejects.toThrow('zxing_reader.wasm');
    const next = decoder.decode(bitmap(), defaultFrameBox, { fullFrame: true });
    worker.answer(decoded(2, 'OK'));
    await expect(next).resolves.toMatchObject({ codes: [{ text: 'OK' }] });
  });

  it('fails everything once the worker breaks or answers nonsense, and frees later frames', async () => {
    const worker = new FakeWorker();
    const decoder = createFrameDecoder(worker);
    const pending = decoder.decode(bitmap(), defaultFrameBox, { fullFrame: true });
    worker.fail('Refused to create a worker');
    await expect(pending).rejects.toThrow('Refused to create a worker');
    const later = bitmap();
    await expect(decoder.decode(later, defaultFrameBox, { fullFrame: true })).rejects.toThrow('Refused');
    expect(later.closed).toBe(true);

    const other = new FakeWorker();
    const second = createFrameDecoder(other);
    const waiting = second.decode(bitmap(), defaultFrameBox, { fullFrame: true });
    other.answer({ ok: true, id: 1, codes: 'not a list' });
    await expect(waiting).rejects.toThrow('answered something else');
  });

  it('terminates the worker on close and rejects what was pending', async () => {
    const worker = new FakeWorker();
    const decoder = createFrameDecoder(worker);
    const pending = decoder.decode(bitmap(), defaultFrameBox, { fullFrame: true });
    decoder.close();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toThrow('closed');
  });
});

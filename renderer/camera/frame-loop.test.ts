import { describe, expect, it } from 'vitest';
import { startFrameLoop, type FrameLoopSteps } from './frame-loop';

/** A camera that has a new frame every `frameMs` and a decoder that takes `decodeMs`, on a fake clock. */
function fakeCamera(options: { frameMs: number; decodeMs: number; frames: number; failOn?: number; readyFrom?: number }) {
  let clock = 0;
  let frame = 0;
  let inFlight = 0;
  const log = { grabbed: [] as number[], decoded: [] as number[], discarded: [] as number[], maxInFlight: 0, errors: [] as unknown[] };
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const steps: FrameLoopSteps<number, string> = {
    async nextFrame() {
      await tick();
      // The next frame the camera produces after now.
      clock = (Math.floor(clock / options.frameMs) + 1) * options.frameMs;
      frame = clock / options.frameMs;
    },
    async grab() {
      if (frame > options.frames || frame < (options.readyFrom ?? 0)) return null;
      log.grabbed.push(frame);
      return frame;
    },
    async decode(f) {
      inFlight += 1;
      log.maxInFlight = Math.max(log.maxInFlight, inFlight);
      await tick();
      clock += options.decodeMs;
      inFlight -= 1;
      if (f === options.failOn) throw new Error('worker died');
      return `frame ${f}`;
    },
    discard(f) {
      log.discarded.push(f);
    },
    onResult(result) {
      log.decoded.push(Number(result.slice('frame '.length)));
    },
    onError(error) {
      log.errors.push(error);
    },
    now: () => clock,
  };
  return { steps, log, clock: () => clock };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error('condition never met');
};

describe('startFrameLoop', () => {
  it('never has more than one frame in flight and skips the frames it has no time for', async () => {
    // 30 fps camera, 100 ms decoder: about every fourth frame is decoded, none queued.
    const camera = fakeCamera({ frameMs: 33, decodeMs: 100, frames: 300 });
    const loop = startFrameLoop(camera.steps);
    await until(() => camera.log.decoded.length >= 20);
    loop.stop();
    await loop.ended;
    expect(camera.log.maxInFlight).toBe(1);
    expect(camera.log.grabbed.slice(0, camera.log.decoded.length)).toEqual(camera.log.decoded);
    const gaps = camera.log.decoded.slice(1).map((f, i) => f - (camera.log.decoded[i] ?? 0));
    expect(new Set(gaps)).toEqual(new Set([4])); // 100 ms of decoding spans three frames; the fourth is next
  });

  it('decodes every frame when the decoder is faster than the camera', async () => {
    const camera = fakeCamera({ frameMs: 33, decodeMs: 10, frames: 30 });
    const loop = startFrameLoop(camera.steps);
    await until(() => camera.log.decoded.length >= 30);
    loop.stop();
    await loop.ended;
    expect(camera.log.decoded).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('stops on stop(): no result after it, and a wait for a frame that never comes ends', async () => {
    const camera = fakeCamera({ frameMs: 33, decodeMs: 50, frames: 1000 });
    const loop = startFrameLoop(camera.steps);
    await until(() => camera.log.decoded.length >= 3);
    loop.stop();
    const decoded = camera.log.decoded.length;
    await loop.ended;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(camera.log.decoded.length).toBe(decoded);

    const never = startFrameLoop({ ...camera.steps, nextFrame: () => new Promise<void>(() => {}) });
    never.stop();
    await expect(never.ended).resolves.toBeUndefined();
  });

  it('frees a frame grabbed just before the stop', async () => {
    const camera = fakeCamera({ frameMs: 33, decodeMs: 50, frames: 1000 });
    const grab = camera.steps.grab;
    const loop = startFrameLoop({
      ...camera.steps,
      async grab() {
        const frame = await grab();
        loop.stop();
        return frame;
      },
    });
    await loop.ended;
    expect(camera.log.discarded).toEqual([1]);
    expect(camera.log.decoded).toEqual([]);
  });

  it('waits out frames that are not there yet and reports a failing decoder once, then ends', async () => {
    const camera = fakeCamera({ frameMs: 33, decodeMs: 20, frames: 9, failOn: 6, readyFrom: 4 });
    const loop = startFrameLoop(camera.steps);
    await loop.ended;
    expect(camera.log.grabbed).toEqual([4, 5, 6]);
    expect(camera.log.decoded).toEqual([4, 5]);
    expect(camera.log.errors).toHaveLength(1);
    expect(String(camera.log.errors[0])).toContain('worker died');
  });
});

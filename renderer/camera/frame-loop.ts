/**
 * The camera's decode loop, with back-pressure: a frame is grabbed only when the decoder is free,
 * so there is never more than one frame on its way to the worker or in it. A camera gives 30 frames
 * a second and the decoder takes 30–150 ms per frame; frames it has no time for are never grabbed
 * (not queued, not copied), and the rate simply settles at what the decoder manages.
 *
 * The steps are passed in, so the loop runs against a real `<video>` and Web Worker in the app and
 * against fakes in its tests.
 */
export interface FrameLoopSteps<F, R> {
  /** Resolves when a new video frame is there to grab (requestVideoFrameCallback, or a timer). */
  nextFrame(): Promise<void>;
  /** The current frame, or null when there is none yet (the video is not playing). */
  grab(): Promise<F | null>;
  decode(frame: F): Promise<R>;
  /** A grabbed frame the loop will not decode after all (stopped meanwhile): free it. */
  discard?(frame: F): void;
  onResult(result: R, timing: { grabbedAt: number; decodedAt: number }): void;
  /** The decoder failed; the loop has stopped. */
  onError(error: unknown): void;
  now?(): number;
}

export interface FrameLoop {
  stop(): void;
  /** Settles when the loop has ended (stopped, or after an error). */
  readonly ended: Promise<void>;
}

export function startFrameLoop<F, R>(steps: FrameLoopSteps<F, R>): FrameLoop {
  const now = steps.now ?? (() => performance.now());
  let running = true;
  let wake: () => void = () => {};
  // Stopping must also end a wait for a frame that will never come (the video has stopped).
  const stopped = new Promise<void>((resolve) => {
    wake = resolve;
  });

  async function loop(): Promise<void> {
    while (running) {
      await Promise.race([steps.nextFrame(), stopped]);
      if (!running) return;
      const frame = await steps.grab();
      if (frame === null) continue;
      if (!running) {
        steps.discard?.(frame);
        return;
      }
      const grabbedAt = now();
      let result: R;
      try {
        result = await steps.decode(frame);
      } catch (error) {
        if (!running) return;
        running = false;
        steps.onError(error);
        return;
      }
      if (!running) return;
      steps.onResult(result, { grabbedAt, decodedAt: now() });
    }
  }

  return {
    stop() {
      running = false;
      wake();
    },
    ended: loop(),
  };
}

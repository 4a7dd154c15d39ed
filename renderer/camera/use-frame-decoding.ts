import { useEffect, useRef, useState } from 'react';
import { ScanDedupe } from './dedupe';
import { defaultFrameBox, type FrameBox } from './frame-box';
import { createFrameDecoder, type FrameDecoder } from './frame-decoder';
import { startFrameLoop } from './frame-loop';
import type { DecodedCode } from './worker-protocol';

export interface DecodingStats {
  /** Frames decoded since the camera opened. */
  frames: number;
  /** Frames decoded per second over the last few seconds. */
  fps: number;
  /** Median time in the worker per frame, ms. */
  msPerFrame: number;
}

export interface FrameDecoding {
  stats: DecodingStats | null;
  /** The decoder stopped (its worker or .wasm failed); the message is for the log and the operator. */
  error: string | null;
}

export interface FrameDecodingOptions {
  box?: FrameBox;
  /**
   * Look at the whole frame (after an empty box) on every n-th frame: a label held outside the box
   * is still read, at a fraction of the cost of reading every frame whole.
   */
  fullFrameEvery?: number;
  createDecoder?: () => FrameDecoder;
}

const statsEveryMs = 500;
const statsWindowMs = 4000;

function nextVideoFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(() => resolve());
    else setTimeout(resolve, 33);
  });
}

async function grabFrame(video: HTMLVideoElement): Promise<ImageBitmap | null> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  try {
    return await createImageBitmap(video);
  } catch {
    return null; // the frame went away meanwhile (the stream stopped)
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Decodes the video's frames in a Web Worker while `stream` is set, and calls `onCodes` with each
 * code that counts as a new scan (ScanDedupe). Nothing runs — no worker, no loop — while
 * `video` or `stream` is null.
 */
export function useFrameDecoding(
  video: HTMLVideoElement | null,
  stream: MediaStream | null,
  onCodes: (codes: DecodedCode[]) => void,
  options: FrameDecodingOptions = {},
): FrameDecoding {
  const [stats, setStats] = useState<DecodingStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(onCodes);
  useEffect(() => {
    latest.current = onCodes;
  }, [onCodes]);
  const { box = defaultFrameBox, fullFrameEvery = 2, createDecoder = createFrameDecoder } = options;

  useEffect(() => {
    if (!video || !stream) return;
    const decoder = createDecoder();
    const dedupe = new ScanDedupe();
    const times: Array<{ at: number; ms: number }> = [];
    let frames = 0;
    let shownAt = 0;

    const loop = startFrameLoop({
      nextFrame: () => nextVideoFrame(video),
      grab: () => grabFrame(video),
      discard: (bitmap) => bitmap.close(),
      decode: (bitmap) => decoder.decode(bitmap, box, { fullFrame: frames % fullFrameEvery === 0 }),
      onResult(result, { decodedAt }) {
        frames += 1;
        const fresh = dedupe.accept(
          result.codes.map((c) => c.text),
          decodedAt,
        );
        if (fresh.length > 0) latest.current(fresh.map((text) => result.codes.find((c) => c.text === text)).filter((c): c is DecodedCode => c !== undefined));
        times.push({ at: decodedAt, ms: result.ms });
        while ((times[0]?.at ?? decodedAt) < decodedAt - statsWindowMs) times.shift();
        if (decodedAt - shownAt >= statsEveryMs) {
          shownAt = decodedAt;
          const span = decodedAt - (times[0]?.at ?? decodedAt);
          setStats({ frames, fps: span > 0 ? ((times.length - 1) * 1000) / span : 0, msPerFrame: median(times.map((t) => t.ms)) });
        }
      },
      onError(failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    });
    return () => {
      loop.stop();
      decoder.close();
      setStats(null);
      setError(null);
    };
  }, [video, stream, box, fullFrameEvery, createDecoder]);

  return { stats, error };
}

import { closeSync, openSync, writeSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * A video for Chromium's fake camera (`--use-file-for-fake-video-capture`), which plays a
 * YUV4MPEG2 file in a loop: a one-line header, then per frame `FRAME\n` and the raw I420 planes
 * (Y at full size, then U and V at half width and height). Written here, so the camera test needs
 * no ffmpeg.
 *
 * The scene is a PNG centred on a plain background, with a little noise that differs from frame to
 * frame (seeded, so every run sees the same video), as a real camera's frames differ.
 */
/**
 * Chromium's fake camera, and its fake prompt answering yes or no. The headless Chromium from npm
 * has no camera prompt of its own (getUserMedia is "not supported" there without this one), so
 * every browser the tests use gets the same switch.
 */
export function fakeCameraArgs(answer: 'allow' | 'deny'): string[] {
  return ['--use-fake-device-for-media-stream', answer === 'allow' ? '--use-fake-ui-for-media-stream' : '--use-fake-ui-for-media-stream=deny'];
}

export interface FakeCameraScene {
  png: Buffer;
  width: number;
  height: number;
  /** The background around the picture, [r, g, b]. */
  background: readonly [number, number, number];
  frames: number;
  fps: number;
  /** Largest change of a pixel's brightness by noise, in 0–255 steps. */
  noise: number;
}

/** BT.601 limited range, as ffmpeg's yuv420p from RGB. */
const lumaOf = (r: number, g: number, b: number) => 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
const blueOf = (r: number, g: number, b: number) => 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255;
const redOf = (r: number, g: number, b: number) => 128 + (112 * r - 93.786 * g - 18.214 * b) / 255;

/** The scene as RGB, one byte per channel, the picture composed over the background by its alpha. */
function composeScene(scene: FakeCameraScene): Uint8Array {
  const { width, height, background } = scene;
  const picture = PNG.sync.read(scene.png);
  if (picture.width > width || picture.height > height) throw new Error(`the picture (${picture.width}×${picture.height}) is larger than the frame`);
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(background, i * 3);
  const left = Math.floor((width - picture.width) / 2);
  const top = Math.floor((height - picture.height) / 2);
  for (let y = 0; y < picture.height; y++) {
    for (let x = 0; x < picture.width; x++) {
      const from = (y * picture.width + x) * 4;
      const to = ((top + y) * width + left + x) * 3;
      const alpha = (picture.data[from + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++) rgb[to + c] = Math.round((picture.data[from + c] ?? 0) * alpha + (rgb[to + c] ?? 0) * (1 - alpha));
    }
  }
  return rgb;
}

/** The I420 planes of an RGB image (chroma averaged over each 2×2 block). */
function toI420(rgb: Uint8Array, width: number, height: number): { y: Uint8Array; u: Uint8Array; v: Uint8Array } {
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array(u.length);
  const channel = (px: number, c: number) => rgb[px * 3 + c] ?? 0;
  for (let px = 0; px < width * height; px++) y[px] = Math.round(lumaOf(channel(px, 0), channel(px, 1), channel(px, 2)));
  for (let row = 0; row < height / 2; row++) {
    for (let col = 0; col < width / 2; col++) {
      const block = [2 * row * width + 2 * col, 2 * row * width + 2 * col + 1, (2 * row + 1) * width + 2 * col, (2 * row + 1) * width + 2 * col + 1];
      const mean = (c: number) => block.reduce((sum, px) => sum + channel(px, c), 0) / 4;
      const [r, g, b] = [mean(0), mean(1), mean(2)];
      u[row * (width / 2) + col] = Math.round(blueOf(r, g, b));
      v[row * (width / 2) + col] = Math.round(redOf(r, g, b));
    }
  }
  return { y, u, v };
}

/** A small seeded generator (mulberry32): the same noise in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeFakeCameraVideo(path: string, scene: FakeCameraScene): void {
  const { width, height } = scene;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('I420 needs an even width and height');
  const planes = toI420(composeScene(scene), width, height);
  const next = random(0x4b56);
  const luma = new Uint8Array(planes.y.length);
  const file = openSync(path, 'w');
  try {
    writeSync(file, `YUV4MPEG2 W${width} H${height} F${scene.fps}:1 Ip A1:1 C420jpeg\n`);
    for (let frame = 0; frame < scene.frames; frame++) {
      for (let i = 0; i < luma.length; i++) luma[i] = Math.min(255, Math.max(0, (planes.y[i] ?? 0) + Math.round((next() * 2 - 1) * scene.noise)));
      writeSync(file, 'FRAME\n');
      writeSync(file, luma);
      writeSync(file, planes.u);
      writeSync(file, planes.v);
    }
  } finally {
    closeSync(file);
  }
}

import { describe, expect, it } from 'vitest';
import { boxPixels, defaultFrameBox, frameBoxSchema } from './frame-box';

describe('boxPixels', () => {
  it('gives the frame box in whole pixels of the frame', () => {
    expect(boxPixels(defaultFrameBox, 1280, 720)).toEqual({ x: 192, y: 180, width: 896, height: 360 });
    expect(boxPixels(defaultFrameBox, 640, 480)).toEqual({ x: 96, y: 120, width: 448, height: 240 });
  });

  it('stays inside the frame and is never empty', () => {
    expect(boxPixels({ x: 0.9, y: 0.9, width: 0.5, height: 0.5 }, 100, 100)).toEqual({ x: 90, y: 90, width: 10, height: 10 });
    expect(boxPixels({ x: 1, y: 1, width: 0.001, height: 0.001 }, 10, 10)).toEqual({ x: 9, y: 9, width: 1, height: 1 });
  });

  it('takes only fractions of the frame', () => {
    expect(frameBoxSchema.safeParse(defaultFrameBox).success).toBe(true);
    expect(frameBoxSchema.safeParse({ x: 0, y: 0, width: 0, height: 1 }).success).toBe(false);
    expect(frameBoxSchema.safeParse({ x: -0.1, y: 0, width: 1, height: 1 }).success).toBe(false);
  });
});

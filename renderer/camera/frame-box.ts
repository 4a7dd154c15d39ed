import { z } from 'zod';

/**
 * The frame box: where the operator holds the label, as fractions of the video frame. The panel
 * draws it over the video and the decoder reads the pixels inside it first — a smaller image
 * decodes several times faster than the whole frame, and the label is usually there.
 *
 * Wide and not very tall, because IMEI and serial labels are one-dimensional barcodes; 2D codes
 * fit too.
 */
export const frameBoxSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
});
export type FrameBox = z.infer<typeof frameBoxSchema>;

export const defaultFrameBox: FrameBox = { x: 0.15, y: 0.25, width: 0.7, height: 0.5 };

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box in whole pixels of a `width`×`height` frame, never outside it and never empty. */
export function boxPixels(box: FrameBox, width: number, height: number): PixelRect {
  const x = Math.min(width - 1, Math.max(0, Math.floor(box.x * width)));
  const y = Math.min(height - 1, Math.max(0, Math.floor(box.y * height)));
  const right = Math.min(width, Math.max(x + 1, Math.ceil((box.x + box.width) * width)));
  const bottom = Math.min(height, Math.max(y + 1, Math.ceil((box.y + box.height) * height)));
  return { x, y, width: right - x, height: bottom - y };
}

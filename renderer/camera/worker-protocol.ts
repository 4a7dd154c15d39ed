import { z } from 'zod';
import { frameBoxSchema } from './frame-box';

/**
 * What goes between the camera panel and its decoder worker. The frame travels as an ImageBitmap
 * (transferred, not copied); the worker reads the frame box first and, when told to and the box
 * has nothing, the whole frame.
 */
export const frameRequestSchema = z.object({
  id: z.number().int(),
  bitmap: z.custom<ImageBitmap>((value) => typeof ImageBitmap !== 'undefined' && value instanceof ImageBitmap, 'an ImageBitmap'),
  box: frameBoxSchema,
  fullFrame: z.boolean(),
});
export type FrameRequest = z.infer<typeof frameRequestSchema>;

export const decodedCodeSchema = z.object({
  text: z.string(),
  /** zxing-wasm's format name: `Code128`, `EAN13`, `QRCode`, ... */
  format: z.string(),
  /** AIM symbology identifier: `]C1` marks GS1-128, which parseScan needs in front of the text. */
  symbology: z.string(),
});
export type DecodedCode = z.infer<typeof decodedCodeSchema>;

export const frameDecodedSchema = z.object({
  ok: z.literal(true),
  id: z.number().int(),
  codes: z.array(decodedCodeSchema),
  /** How far the worker looked: the box only, or the box and then the whole frame. */
  searched: z.enum(['box', 'frame']),
  /** Time in the worker, drawing and decoding. */
  ms: z.number(),
  width: z.number().int(),
  height: z.number().int(),
});
export type FrameDecoded = z.infer<typeof frameDecodedSchema>;

export const frameResponseSchema = z.discriminatedUnion('ok', [
  frameDecodedSchema,
  z.object({ ok: z.literal(false), id: z.number().int(), error: z.string() }),
]);
export type FrameResponse = z.infer<typeof frameResponseSchema>;

import { useMemo } from 'react';
import { code128Image } from '../labels/barcode-svg';

/**
 * A Code 128 symbol as an image, drawn as the labels draw it (`labels/barcode-svg.ts`: one
 * renderer, one quiet zone), for the command card, packing slips and disposal manifests.
 */
export function Barcode({ text }: { text: string }) {
  const src = useMemo(() => code128Image(text), [text]);
  return <img className="barcode" src={src} alt={text} />;
}

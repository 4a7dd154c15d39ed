import { useMemo } from 'react';
import { toSVG } from 'bwip-js/browser';

/** A Code 128 symbol as an image (bwip-js renders SVG; an <img> keeps it out of the DOM's scripts). */
export function Barcode({ text }: { text: string }) {
  const src = useMemo(() => {
    const svg = toSVG({ bcid: 'code128', text, scale: 2, height: 11, paddingwidth: 6, paddingheight: 2 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [text]);
  return <img className="barcode" src={src} alt={text} />;
}

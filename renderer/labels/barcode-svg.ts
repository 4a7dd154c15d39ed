import { toSVG } from 'bwip-js/browser';

/** An SVG as an `<img>` source: the symbol stays an image, out of the DOM's reach. */
const asImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * Code 128 of `text` with its 10-module quiet zones, stretched to whatever box it is given: a
 * linear symbol reads at any height, and the width scales every module alike.
 */
export function code128Image(text: string): string {
  const svg = toSVG({ bcid: 'code128', text, scale: 1, height: 10, paddingwidth: 10 });
  return asImage(svg.replace('<svg ', '<svg preserveAspectRatio="none" '));
}

/** Data Matrix of `text` with a one-module quiet zone, square. */
export function dataMatrixImage(text: string): string {
  return asImage(toSVG({ bcid: 'datamatrix', text, scale: 1, paddingwidth: 1, paddingheight: 1 }));
}

import { toSVG } from 'bwip-js/browser';

/** An SVG as an `<img>` source: the symbol stays an image, out of the DOM's reach. */
const asImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The Code 128 symbol every printout draws (labels, cards, slips), for bwip-js. */
export const code128Options = (text: string) => ({ bcid: 'code128', text, scale: 1, height: 10, paddingwidth: 10 });

/**
 * Code 128 of `text` with its 10-module quiet zones, stretched to whatever box it is given: a
 * linear symbol reads at any height, and the width scales every module alike.
 */
export function code128Image(text: string): string {
  const svg = toSVG(code128Options(text));
  return asImage(svg.replace('<svg ', '<svg preserveAspectRatio="none" '));
}

/** Data Matrix of `text` with a one-module quiet zone, square. */
export function dataMatrixImage(text: string): string {
  return asImage(toSVG({ bcid: 'datamatrix', text, scale: 1, paddingwidth: 1, paddingheight: 1 }));
}

// Draws the Kvikdesk icon (a barcode label crossed by a scanner's red line on a blue tile) and
// writes it as PNGs and a Windows .ico, with nothing but node:zlib. Deterministic: running it
// again gives byte-identical files. Run: node assets/icons/generate-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

/** Bar and space widths of the drawn barcode, in modules, starting with a bar. */
const pattern = [2, 1, 1, 2, 3, 1, 1, 1, 2, 2, 1, 3, 1, 1, 2, 1, 1, 2, 3, 1, 1];
const patternUnits = pattern.reduce((sum, width) => sum + width, 0);

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function isBar(x) {
  const left = 0.28;
  const right = 0.72;
  if (x < left || x >= right) return false;
  let position = ((x - left) / (right - left)) * patternUnits;
  for (let i = 0; i < pattern.length; i++) {
    if (position < pattern[i]) return i % 2 === 0;
    position -= pattern[i];
  }
  return false;
}

/** The colour at a point of the unit square, as [r, g, b, a] in 0..1, layers painted bottom up. */
function colourAt(x, y) {
  let colour = [0, 0, 0, 0];
  const paint = (r, g, b, a = 1) => {
    const [cr, cg, cb, ca] = colour;
    const outA = a + ca * (1 - a);
    if (outA === 0) return;
    colour = [(r * a + cr * ca * (1 - a)) / outA, (g * a + cg * ca * (1 - a)) / outA, (b * a + cb * ca * (1 - a)) / outA, outA];
  };
  if (insideRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) {
    const t = (y - 0.04) / 0.92; // lighter at the top
    paint((30 - 15 * t) / 255, (111 - 37 * t) / 255, (196 - 58 * t) / 255);
  }
  if (insideRoundedRect(x, y, 0.2, 0.27, 0.8, 0.73, 0.05)) paint(1, 1, 1);
  if (y >= 0.34 && y <= 0.64 && isBar(x)) paint(0.07, 0.07, 0.09);
  if (x >= 0.13 && x <= 0.87 && y >= 0.475 && y <= 0.515) paint(229 / 255, 57 / 255, 53 / 255, 0.92);
  return colour;
}

/** RGBA pixels of the icon at `size`, each pixel the average of 4×4 samples (anti-aliasing). */
function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      const n = samples * samples;
      pixels[offset] = a === 0 ? 0 : Math.round((r / a) * 255);
      pixels[offset + 1] = a === 0 ? 0 : Math.round((g / a) * 255);
      pixels[offset + 2] = a === 0 ? 0 : Math.round((b / a) * 255);
      pixels[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A .ico holding PNG images (Windows Vista and later read PNG entries). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512];
const pngs = new Map(pngSizes.map((size) => [size, encodePng(size, render(size))]));

const write = (relative, data) => {
  const path = join(here, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`wrote ${relative} (${data.length} bytes)`);
};

write('icon.png', pngs.get(512));
// Linux (AppImage) takes a folder of sizes named WxH.png.
for (const [size, png] of pngs) write(join('png', `${size}x${size}.png`), png);
write('icon.ico', encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));

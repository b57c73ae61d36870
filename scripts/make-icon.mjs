// Draws the app's icon, build/icons/512x512.png, with nothing but node:zlib: a rounded
// square in the app's accent colour holding a white cutting (a page with a folded corner and
// lines of text). Run `node scripts/make-icon.mjs` after changing it; the PNG is committed,
// so packaging needs neither this script nor a network. electron-builder makes the macOS
// .icns and the Windows .ico from it. The browser extension's build (build-extension.mjs)
// draws its small icons with iconPng(size), each pixel the average of 4×4 samples.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';

const SIZE = 512;
const ACCENT = [0x2f, 0x5d, 0x8a]; // a newsroom blue
const PAPER = [0xfb, 0xf8, 0xf1];
const INK = [0x9a, 0xa3, 0xad];
const FOLD = [0xd9, 0xd3, 0xc4];

/** The colour at pixel (x, y), with alpha; transparent outside the rounded square. */
function pixel(x, y) {
  const radius = 96;
  const cx = Math.min(Math.max(x, radius), SIZE - 1 - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return [0, 0, 0, 0];
  // The cutting: a page from (136, 96) to (376, 416) with its top-right corner folded.
  const left = 136, top = 96, right = 376, bottom = 416, fold = 64;
  if (x >= left && x < right && y >= top && y < bottom) {
    const intoCorner = x - (right - fold) - (y - top);
    if (intoCorner > 0) return [...ACCENT, 255];
    if (x >= right - fold && y < top + fold && intoCorner > -fold / 8) return [...FOLD, 255];
    // A headline and lines of text.
    if (y >= 150 && y < 174 && x >= 168 && x < 300) return [...ACCENT, 255];
    for (let line = 0; line < 7; line++) {
      const lineTop = 206 + line * 28;
      const lineRight = line === 6 ? 280 : 344;
      if (y >= lineTop && y < lineTop + 10 && x >= 168 && x < lineRight) return [...INK, 255];
    }
    return [...PAPER, 255];
  }
  return [...ACCENT, 255];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

/** The colour of pixel (x, y) of an icon `size` wide: the drawing's, or at smaller sizes the average of 4×4 samples of it. */
function sample(x, y, size) {
  if (size === SIZE) return pixel(x, y);
  const scale = SIZE / size;
  const sum = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const [r, g, b, a] = pixel(Math.floor((x + (i + 0.5) / 4) * scale), Math.floor((y + (j + 0.5) / 4) * scale));
      sum[0] += r * a;
      sum[1] += g * a;
      sum[2] += b * a;
      sum[3] += a;
    }
  }
  return sum[3] === 0 ? [0, 0, 0, 0] : [Math.round(sum[0] / sum[3]), Math.round(sum[1] / sum[3]), Math.round(sum[2] / sum[3]), Math.round(sum[3] / 16)];
}

/** The icon as a PNG `size` pixels square. */
export function iconPng(size = SIZE) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0; // no filter
    for (let x = 0; x < size; x++) rows.set(sample(x, y, size), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const png = iconPng();
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons', '512x512.png');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`wrote ${out} (${png.length} bytes)`);
}

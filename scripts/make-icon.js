#!/usr/bin/env node
/**
 * Draws the extension's icon, images/icon.png (128×128 PNG), from shapes alone: a lens over lines of
 * right-aligned text, each name underlined in the colour of its type (person, country, place,
 * organization). No dependencies: the pixels are sampled 4×4 for smooth edges and written with zlib.
 *
 *   node scripts/make-icon.js [out.png]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SAMPLES = 4;

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BACKGROUND = hex('#12343b');
const TEXT = hex('#d7e3e6');
const LENS = hex('#ffffff');
const GLASS = hex('#1d4a54');
// The light-theme colours of the four types.
const PERSON = hex('#e0559f');
const COUNTRY = hex('#3d9be0');
const PLACE = hex('#46b865');
const ORGANIZATION = hex('#f08a24');

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment (ax, ay)–(bx, by). */
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// Lines of "text" in the lens, right-aligned as Arabic is: [y, from x, to x, underline colour or null].
const LENS_C = { x: 56, y: 56, r: 38 };
const WORDS = [
  [40, 58, 84, PERSON],
  [40, 30, 52, null],
  [56, 62, 84, null],
  [56, 28, 56, COUNTRY],
  [72, 50, 82, PLACE],
  [72, 32, 44, null],
];
const ORG_WORD = [88, 36, 66, ORGANIZATION];

/** The colour at (x, y), or null for transparent. */
function colourAt(x, y) {
  if (roundedRect(x, y, 64, 64, 62, 62, 22) > 0) return null;
  let c = BACKGROUND;
  const fromLens = Math.hypot(x - LENS_C.x, y - LENS_C.y);
  if (fromLens < LENS_C.r) c = GLASS;
  const words = fromLens < LENS_C.r - 3 ? [...WORDS, ORG_WORD] : [];
  for (const [wy, x0, x1, underline] of words) {
    if (segment(x, y, x0, wy - 4, x1, wy - 4) < 3) c = TEXT;
    if (underline && segment(x, y, x0, wy + 3, x1, wy + 3) < 1.8) c = underline;
  }
  // The lens's ring and handle.
  if (Math.abs(fromLens - LENS_C.r) < 5) c = LENS;
  if (segment(x, y, 84, 84, 110, 110) < 8) c = LENS;
  return c;
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * SIZE + px) * 4;
      if (a) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? path.join(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png(render()));
console.log(`wrote ${out}`);

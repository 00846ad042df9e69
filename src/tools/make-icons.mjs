#!/usr/bin/env node
/**
 * Draws the add-in's icons as PNG files in assets/, using only node:zlib: the add-in itself (a
 * clipboard holding three rating dots: red, amber, green, icon-N.png) and one per ribbon button,
 * in the Fluent style (rounded shapes, a dark-slate outline glyph with one accent colour, no text):
 * Check plan (a clipboard with a tick, check-N.png), Summarise progress (three rising bars,
 * summary-N.png) and Open pane (a window with its task pane, pane-N.png), at every size the
 * manifest's Icon element takes (16, 20, 24, 32, 40, 48, 64, 80: the larger ones are the
 * high-resolution images Office picks on high-DPI screens). Run: node src/tools/make-icons.mjs
 * The output is committed; run again only when a glyph changes.
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const SIZES = [16, 32, 64, 80, 128];
/** Sizes a ribbon button's Icon element accepts (Microsoft Learn, "Icon element" of the add-in manifest). */
const BUTTON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const SUPERSAMPLE = 4;

const BOARD = [0x3b, 0x4a, 0x5c]; // slate clipboard
const PAPER = [0xff, 0xff, 0xff];
const CLIP = [0x8a, 0x96, 0xa3];
const DOTS = [
  [0xc4, 0x31, 0x48], // red
  [0xf2, 0xa9, 0x00], // amber
  [0x10, 0x7c, 0x41], // green
];

/** Colour of the glyph at a point in a unit square (0..1), or null for transparent. */
function glyph(x, y) {
  const inRoundRect = (l, t, r, b, rad) => {
    if (x < l || x > r || y < t || y > b) return false;
    const cx = Math.min(Math.max(x, l + rad), r - rad);
    const cy = Math.min(Math.max(y, t + rad), b - rad);
    return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
  };
  // Clip at the top.
  if (inRoundRect(0.34, 0.02, 0.66, 0.16, 0.04)) return CLIP;
  // Three dots on the paper.
  const dotX = 0.5;
  const dotY = [0.36, 0.58, 0.8];
  for (let i = 0; i < 3; i++) {
    if ((x - dotX) ** 2 + (y - dotY[i]) ** 2 <= 0.085 ** 2) return DOTS[i];
  }
  if (inRoundRect(0.2, 0.14, 0.8, 0.94, 0.03)) return PAPER;
  if (inRoundRect(0.1, 0.06, 0.9, 1.0, 0.08)) return BOARD;
  return null;
}

const SLATE = [0x24, 0x2f, 0x3d];
const ACCENT = [0x0f, 0x6c, 0xbd]; // Fluent brand blue
const GREEN = [0x10, 0x7c, 0x41];

const inBox = (x, y, l, t, r, b, rad) => {
  if (x < l || x > r || y < t || y > b) return false;
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
};
/** An outline (ring) of a rounded box, `w` thick. */
const onOutline = (x, y, l, t, r, b, rad, w) =>
  inBox(x, y, l, t, r, b, rad) && !inBox(x, y, l + w, t + w, r - w, b - w, Math.max(0, rad - w));
/** Distance from a point to a segment. */
function toSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Check plan: a clipboard outline with a green tick. */
function checkGlyph(x, y) {
  if (toSegment(x, y, 0.3, 0.56, 0.45, 0.72) <= 0.06 || toSegment(x, y, 0.45, 0.72, 0.72, 0.4) <= 0.06)
    return GREEN;
  if (inBox(x, y, 0.34, 0.04, 0.66, 0.18, 0.05)) return SLATE;
  if (onOutline(x, y, 0.14, 0.1, 0.86, 0.96, 0.1, 0.075)) return SLATE;
  return null;
}

/** Summarise progress: three rising bars on a base line, the tallest in the accent colour. */
function summaryGlyph(x, y) {
  if (inBox(x, y, 0.06, 0.86, 0.94, 0.95, 0.03)) return SLATE;
  if (inBox(x, y, 0.12, 0.52, 0.32, 0.82, 0.04)) return SLATE;
  if (inBox(x, y, 0.4, 0.32, 0.6, 0.82, 0.04)) return SLATE;
  if (inBox(x, y, 0.68, 0.08, 0.88, 0.82, 0.04)) return ACCENT;
  return null;
}

/** Open pane: a window outline with its right-hand task pane filled in the accent colour. */
function paneGlyph(x, y) {
  if (inBox(x, y, 0.6, 0.2, 0.86, 0.84, 0.03)) return ACCENT;
  if (onOutline(x, y, 0.06, 0.12, 0.94, 0.92, 0.1, 0.08)) return SLATE;
  if (x >= 0.06 && x <= 0.94 && y >= 0.12 && y <= 0.92 && Math.abs(x - 0.55) <= 0.035) return SLATE;
  return null;
}

function render(size, draw = glyph) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = draw((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  process.stdout.write(`wrote ${file}\n`);
}
for (const [name, draw] of [
  ["check", checkGlyph],
  ["summary", summaryGlyph],
  ["pane", paneGlyph],
]) {
  for (const size of BUTTON_SIZES) {
    const file = join(assets, `${name}-${size}.png`);
    writeFileSync(file, encodePng(size, render(size, draw)));
    process.stdout.write(`wrote ${file}\n`);
  }
}

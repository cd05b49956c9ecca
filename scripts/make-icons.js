#!/usr/bin/env node
/*
 * Draws the add-in icons (assets/icon-<size>.png): a green spreadsheet with a
 * white check-mark badge. ImageMagick is not available on the project's
 * machines, so the PNGs are rasterised and encoded here with nothing but zlib.
 *
 *   node scripts/make-icons.js [outDir]      (default: assets/)
 *
 * The output is deterministic for a given Node/zlib version; the generated
 * PNGs are committed so the build never depends on running this.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
// 4x4 samples per pixel is enough to smooth the diagonal check strokes.
const SUBSAMPLES = 4;

const COLORS = {
  excelGreen: [16, 124, 65],
  darkGreen: [11, 83, 44],
  headerGreen: [33, 163, 102],
  gridLine: [160, 205, 178],
  white: [255, 255, 255],
};

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4, non-premultiplied. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": icons are tiny, compression ratio is irrelevant
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- rasteriser

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return Math.hypot(px - cx, py - cy);
}

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return Math.hypot(x - cx, y - cy) <= r;
}

/**
 * The scene in pixel coordinates for one icon size. Grid lines are snapped to
 * whole pixels so the 16 px icon stays crisp instead of turning into a blur.
 */
function buildScene(size) {
  const s = size;
  const px = (f) => Math.round(f * s);
  const line = Math.max(1, Math.round(s / 32));

  const sheet = { x0: px(0.16), y0: px(0.16), x1: px(0.84), y1: px(0.84) };
  const cols = 3;
  const rows = 4;
  const colEdges = [];
  const rowEdges = [];
  for (let i = 1; i < cols; i++) colEdges.push(Math.round(sheet.x0 + ((sheet.x1 - sheet.x0) * i) / cols));
  for (let j = 1; j < rows; j++) rowEdges.push(Math.round(sheet.y0 + ((sheet.y1 - sheet.y0) * j) / rows));
  const headerBottom = rowEdges[0];

  const badge = { cx: 0.72 * s, cy: 0.72 * s, r: 0.27 * s };
  const ring = Math.max(1, s / 20);
  const tick = [
    [badge.cx - 0.55 * badge.r, badge.cy + 0.02 * badge.r],
    [badge.cx - 0.15 * badge.r, badge.cy + 0.42 * badge.r],
    [badge.cx + 0.55 * badge.r, badge.cy - 0.38 * badge.r],
  ];
  const tickHalfWidth = Math.max(0.9, 0.16 * badge.r);

  // Painted bottom to top; each layer says whether a sample point is covered.
  return [
    { color: COLORS.excelGreen, hit: (x, y) => insideRoundedRect(x, y, 0, 0, s, s, 0.18 * s) },
    {
      color: COLORS.white,
      hit: (x, y) => x >= sheet.x0 && x < sheet.x1 && y >= sheet.y0 && y < sheet.y1,
    },
    {
      color: COLORS.headerGreen,
      hit: (x, y) => x >= sheet.x0 && x < sheet.x1 && y >= sheet.y0 && y < headerBottom,
    },
    {
      color: COLORS.gridLine,
      hit: (x, y) => {
        if (x < sheet.x0 || x >= sheet.x1 || y < headerBottom || y >= sheet.y1) return false;
        return (
          colEdges.some((e) => x >= e && x < e + line) || rowEdges.slice(1).some((e) => y >= e && y < e + line)
        );
      },
    },
    { color: COLORS.excelGreen, hit: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= badge.r + ring },
    { color: COLORS.white, hit: (x, y) => Math.hypot(x - badge.cx, y - badge.cy) <= badge.r },
    {
      color: COLORS.darkGreen,
      hit: (x, y) =>
        distToSegment(x, y, ...tick[0], ...tick[1]) <= tickHalfWidth ||
        distToSegment(x, y, ...tick[1], ...tick[2]) <= tickHalfWidth,
    },
  ];
}

function render(size) {
  const layers = buildScene(size);
  const rgba = new Uint8Array(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      // Composite each sub-sample opaquely, then average: exact for opaque layers.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = pxl + (sx + 0.5) / SUBSAMPLES;
          const y = py + (sy + 0.5) / SUBSAMPLES;
          let color = null;
          for (const layer of layers) if (layer.hit(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxl) * 4;
      if (a > 0) {
        // Un-premultiply so edge pixels keep their true colour.
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return rgba;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)} ${size}x${size}\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };

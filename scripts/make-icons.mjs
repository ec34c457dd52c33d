#!/usr/bin/env node
// Derives every icon the packaged app needs from resources/icons/icon.png (1024×1024 RGBA):
//   512x512.png, 256x256.png            Linux and general use
//   icon.ico                            Windows (NSIS, exe, taskbar): 16 … 256 px, PNG-compressed entries
//   icon.icns                           macOS (dmg, app bundle): 16 … 1024 px, PNG entries
//   tray.png (+@1.25x @1.5x @2x)        Windows/Linux tray, 16 px and its high-DPI variants
//   trayTemplate.png (+@2x)             macOS menu bar: a monochrome template image
//
// Pure JS (node:zlib): decodes the PNG, downsamples by area averaging in premultiplied alpha (a
// clean box filter: exact for the power-of-two sizes), and writes the containers by hand.
// Usage: node scripts/make-icons.mjs [--check]   (--check: exit 1 if a file is missing or stale)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const DIR = path.resolve(import.meta.dirname, '..', 'resources', 'icons');
const SOURCE = path.join(DIR, 'icon.png');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ── PNG decode (8-bit RGBA or RGB, non-interlaced: what the source is) ─────────────────────
function decodePng(buffer) {
  if (!buffer.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        depth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || header.depth !== 8 || header.interlace !== 0 || ![2, 6].includes(header.colorType)) {
    throw new Error('icon.png must be 8-bit RGB/RGBA, not interlaced');
  }
  const channels = header.colorType === 6 ? 4 : 3;
  const { width, height } = header;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? line[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = left;
      else if (filter === 2) add = up;
      else if (filter === 3) add = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * channels];
      out[o + 1] = line[x * channels + 1];
      out[o + 2] = line[x * channels + 2];
      out[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return { width, height, rgba: out };
}

// ── PNG encode (RGBA, filter 0 per row) ────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function encodePng({ width, height, rgba }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── Resampling: area average in premultiplied alpha (no dark fringes at transparent edges) ──
function resize(image, size) {
  const { width, height, rgba } = image;
  const out = Buffer.alloc(size * size * 4);
  const sx = width / size;
  const sy = height / size;
  for (let dy = 0; dy < size; dy++) {
    const y0 = dy * sy;
    const y1 = y0 + sy;
    for (let dx = 0; dx < size; dx++) {
      const x0 = dx * sx;
      const x1 = x0 + sx;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let total = 0;
      for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          const o = (y * width + x) * 4;
          const alpha = rgba[o + 3] / 255;
          r += rgba[o] * alpha * w;
          g += rgba[o + 1] * alpha * w;
          b += rgba[o + 2] * alpha * w;
          a += alpha * w;
          total += w;
        }
      }
      const o = (dy * size + dx) * 4;
      out[o] = a > 0 ? Math.round(r / a) : 0;
      out[o + 1] = a > 0 ? Math.round(g / a) : 0;
      out[o + 2] = a > 0 ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a / total) * 255);
    }
  }
  return { width: size, height: size, rgba: out };
}

/**
 * The macOS menu-bar image: black, its alpha the coloured tile's, with the white play symbol cut
 * out (macOS tints template images for light and dark menu bars itself).
 */
function template(image) {
  const rgba = Buffer.alloc(image.rgba.length);
  for (let o = 0; o < rgba.length; o += 4) {
    const [r, g, b, a] = image.rgba.subarray(o, o + 4);
    // Distance from white: 0 inside the white symbol, ≥ 60 on the gradient; anti-aliased between.
    const ink = Math.min(1, Math.max(255 - r, 255 - g, 255 - b) / 60);
    rgba[o + 3] = Math.round(a * ink);
  }
  return { ...image, rgba };
}

// ── Containers ─────────────────────────────────────────────────────────────────────────────
/** ICO with PNG-compressed entries (Windows Vista and later). */
function encodeIco(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = 6 + directory.length;
  entries.forEach(({ size, png }, i) => {
    const d = i * 16;
    directory[d] = size >= 256 ? 0 : size;
    directory[d + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, d + 4); // colour planes
    directory.writeUInt16LE(32, d + 6); // bits per pixel
    directory.writeUInt32LE(png.length, d + 8);
    directory.writeUInt32LE(offset, d + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((e) => e.png)]);
}

/** ICNS with PNG entries (macOS 10.7 and later), keyed by OSType. */
function encodeIcns(entries) {
  const blocks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + blocks.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 512],
  ['ic14', 1024],
];

function build() {
  const source = decodePng(fs.readFileSync(SOURCE));
  if (source.width !== source.height || source.width < 1024) {
    throw new Error(`icon.png must be square and at least 1024 px (is ${source.width}×${source.height})`);
  }
  const cache = new Map();
  const png = (size) => {
    if (!cache.has(size)) cache.set(size, encodePng(size === source.width ? source : resize(source, size)));
    return cache.get(size);
  };
  const mono = template(source);
  return new Map([
    ['512x512.png', png(512)],
    ['256x256.png', png(256)],
    ['icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) })))],
    ['icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) })))],
    ['tray.png', png(16)],
    ['tray@1.25x.png', png(20)],
    ['tray@1.5x.png', png(24)],
    ['tray@2x.png', png(32)],
    ['trayTemplate.png', encodePng(resize(mono, 16))],
    ['trayTemplate@2x.png', encodePng(resize(mono, 32))],
  ]);
}

const check = process.argv.includes('--check');
const files = build();
let stale = 0;
for (const [name, data] of files) {
  const file = path.join(DIR, name);
  const same = fs.existsSync(file) && fs.readFileSync(file).equals(data);
  if (check) {
    if (!same) {
      console.log(`[make-icons] ${name} is missing or stale`);
      stale++;
    }
  } else if (!same) {
    fs.writeFileSync(file, data);
    console.log(`[make-icons] wrote resources/icons/${name} (${data.length} bytes)`);
  }
}
if (check && stale) process.exitCode = 1;
else if (check) console.log('[make-icons] all icons up to date');

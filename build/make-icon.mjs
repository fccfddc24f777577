// Regenerates build/icon.png (1024x1024 RGBA); electron-builder derives .icns/.ico from it.
// Plain Node, no image library: the shape is drawn per pixel with 4x4 supersampling.
// Usage (repo root): node build/make-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const BG = [31, 36, 48];
const ORANGE = [255, 122, 26];
const LIGHT = [255, 179, 92];

function insideRoundRect(x, y) {
  const m = 64, r = 200, lo = m + r, hi = SIZE - m - r;
  const cx = Math.min(Math.max(x, lo), hi), cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m;
}

/** Colour of one sample point, or undefined for transparent. */
function sample(x, y) {
  if (!insideRoundRect(x, y)) return undefined;
  const dx = x - 512, dy = y - 512, d = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  // Two "salvo" arcs opening to the bottom-right, a centre dot and a dart.
  const arcOpen = angle > -0.2 && angle < 1.75;
  if (!arcOpen && (Math.abs(d - 280) < 28 || Math.abs(d - 160) < 28)) return ORANGE;
  if (d < 60) return LIGHT;
  if (dx > 90 && dy > 90 && Math.abs(dx - dy) < 40 && dx < 330) return ORANGE;
  return BG;
}

function render() {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  const S = 4;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = sample(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return raw;
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

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(render(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(process.argv[2] ?? 'build/icon.png', png);

// Test/benchmark fixtures drawn in code: a filled, coloured ellipse or
// rectangle on a textured background, with its exact ground-truth mask.
// Deterministic (seeded), so test results are reproducible.
import sharp from "sharp";

export type SyntheticShape = "ellipse" | "rectangle";

export interface SyntheticImage {
  /** Encoded image (PNG unless format says otherwise). */
  bytes: Buffer;
  width: number;
  height: number;
  /** 1 inside the shape, 0 outside; row-major width x height. */
  mask: Uint8Array;
  /** A point well inside the shape. */
  center: { x: number; y: number };
  /** Tight bounding box of the shape. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createSyntheticImage({
  width = 640,
  height = 480,
  shape = "ellipse",
  color = [220, 40, 40],
  seed = 1,
  format = "png",
}: {
  width?: number;
  height?: number;
  shape?: SyntheticShape;
  color?: [number, number, number];
  seed?: number;
  format?: "png" | "jpeg";
} = {}): Promise<SyntheticImage> {
  const random = mulberry32(seed);
  const cx = width * (0.4 + 0.2 * random());
  const cy = height * (0.4 + 0.2 * random());
  const rx = width * (0.15 + 0.08 * random());
  const ry = height * (0.15 + 0.08 * random());
  const box = { x0: Math.floor(cx - rx), y0: Math.floor(cy - ry), x1: Math.ceil(cx + rx), y1: Math.ceil(cy + ry) };
  const mask = new Uint8Array(width * height);
  const pixels = Buffer.alloc(width * height * 3);
  // Background: low-contrast greenish-grey stripes plus noise, so the encoder
  // sees texture rather than a flat field.
  const fx = 0.05 + 0.05 * random();
  const fy = 0.03 + 0.05 * random();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const inside =
        shape === "ellipse"
          ? ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1
          : x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
      const noise = (random() - 0.5) * 24;
      if (inside) {
        mask[i] = 1;
        pixels[i * 3] = Math.max(0, Math.min(255, color[0] + noise * 0.3));
        pixels[i * 3 + 1] = Math.max(0, Math.min(255, color[1] + noise * 0.3));
        pixels[i * 3 + 2] = Math.max(0, Math.min(255, color[2] + noise * 0.3));
      } else {
        const stripe = 20 * Math.sin(x * fx + y * fy) + 10 * Math.sin(y * fx * 0.7);
        const base = 140 + stripe + noise;
        pixels[i * 3] = Math.max(0, Math.min(255, base - 10));
        pixels[i * 3 + 1] = Math.max(0, Math.min(255, base + 5));
        pixels[i * 3 + 2] = Math.max(0, Math.min(255, base - 20));
      }
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const bytes = format === "png" ? await image.png().toBuffer() : await image.jpeg({ quality: 92 }).toBuffer();
  return { bytes, width, height, mask, center: { x: cx, y: cy }, box };
}

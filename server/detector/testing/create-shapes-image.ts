// Generated detector fixtures: 1-4 filled shapes (ellipses, rectangles,
// triangles) in random colours on a textured background, with each shape's
// exact mask and box. Deterministic per seed; no binary files in the repo.
import sharp from "sharp";
import type { Box } from "@/lib/detector/box";
import { mulberry32 } from "../seeded-random";

export interface ShapesImage {
  bytes: Buffer;
  width: number;
  height: number;
  objects: { box: Box; mask: Uint8Array }[];
}

type Kind = "ellipse" | "rectangle" | "triangle";

function inside(kind: Kind, box: Box, x: number, y: number): boolean {
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const rx = (box.x1 - box.x0) / 2;
  const ry = (box.y1 - box.y0) / 2;
  if (kind === "rectangle") return x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
  if (kind === "ellipse") return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  // Apex at the top centre, base along the bottom.
  if (y < box.y0 || y >= box.y1) return false;
  const half = (rx * (y - box.y0)) / (box.y1 - box.y0);
  return Math.abs(x - cx) <= half;
}

export async function createShapesImage({ seed, width = 320, height = 256 }: { seed: number; width?: number; height?: number }): Promise<ShapesImage> {
  const random = mulberry32(seed * 7919 + 13);
  const count = 1 + Math.floor(random() * 4);
  const placed: { kind: Kind; box: Box; color: [number, number, number] }[] = [];
  for (let attempt = 0; attempt < 100 && placed.length < count; attempt++) {
    const w = width * (0.14 + 0.26 * random());
    const h = height * (0.14 + 0.26 * random());
    const x0 = Math.floor(random() * (width - w));
    const y0 = Math.floor(random() * (height - h));
    const box = { x0, y0, x1: Math.ceil(x0 + w), y1: Math.ceil(y0 + h) };
    // Keep a gap between shapes so each is one clear object.
    const clear = placed.every((p) => box.x1 + 6 <= p.box.x0 || p.box.x1 + 6 <= box.x0 || box.y1 + 6 <= p.box.y0 || p.box.y1 + 6 <= box.y0);
    if (!clear) continue;
    const kinds: Kind[] = ["ellipse", "rectangle", "triangle"];
    const color: [number, number, number] = [40 + random() * 200, 40 + random() * 200, 40 + random() * 200];
    // Saturate one channel so shapes stand out from the greyish background.
    color[Math.floor(random() * 3)] = random() < 0.5 ? 20 : 240;
    placed.push({ kind: kinds[Math.floor(random() * 3)]!, box, color });
  }
  const pixels = Buffer.alloc(width * height * 3);
  const fx = 0.04 + 0.06 * random();
  const fy = 0.03 + 0.06 * random();
  const tint = [random() * 40 - 20, random() * 40 - 20, random() * 40 - 20];
  const masks = placed.map(() => new Uint8Array(width * height));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const noise = (random() - 0.5) * 24;
      const owner = placed.findIndex((p) => inside(p.kind, p.box, x + 0.5, y + 0.5));
      for (let ch = 0; ch < 3; ch++) {
        let value: number;
        if (owner >= 0) {
          masks[owner]![i] = 1;
          value = placed[owner]!.color[ch]! + noise * 0.3;
        } else {
          value = 130 + tint[ch]! + 20 * Math.sin(x * fx + y * fy) + 10 * Math.sin(y * fx * 0.7) + noise;
        }
        pixels[i * 3 + ch] = Math.max(0, Math.min(255, value));
      }
    }
  }
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
  return {
    bytes,
    width,
    height,
    objects: placed.map((p, index) => {
      const mask = masks[index]!;
      let x0 = width;
      let y0 = height;
      let x1 = 0;
      let y1 = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const x = i % width;
        const y = Math.floor(i / width);
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
      return { box: { x0, y0, x1, y1 }, mask };
    }),
  };
}

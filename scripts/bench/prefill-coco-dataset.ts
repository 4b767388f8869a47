// COCO-format folders (images/ + instances.json) for bench:prefill, read in
// place (datasets are never copied into the repository). Every category is
// "object"; non-crowd objects with a box of at least minSide x minSide are
// scored, crowd regions and smaller objects are "ignore" ground truth.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import sharp from "sharp";
import path from "node:path";
import { z } from "zod";
import type { Box } from "@/lib/detector/box";
import { decodeRleToMask, rasterizePolygons, type BinaryMask } from "@/lib/mask";
import { cropBox, cropMask, zoomCropRects } from "./zoom-crops";

const segmentation = z.union([
  z.array(z.array(z.number())),
  z.object({ size: z.tuple([z.number().int(), z.number().int()]), counts: z.union([z.string(), z.array(z.number().int())]) }),
]);

const instances = z.object({
  images: z.array(z.object({ id: z.number(), file_name: z.string(), width: z.number().int(), height: z.number().int() })),
  annotations: z.array(
    z.object({
      image_id: z.number(),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      iscrowd: z.union([z.literal(0), z.literal(1)]).default(0),
      segmentation,
    }),
  ),
});

export interface CocoObject {
  box: Box;
  crowd: boolean;
  /** Counted by the benchmark (non-crowd, box >= minSide on both sides). */
  scored: boolean;
  /** Rasterised on demand (polygons or RLE). */
  mask: () => BinaryMask;
}

export interface CocoImage {
  fileName: string;
  imagePath: string;
  width: number;
  height: number;
  objects: CocoObject[];
}

export async function loadCocoFolder({ dir, minSide = 32 }: { dir: string; minSide?: number }): Promise<CocoImage[]> {
  const parsed = instances.parse(JSON.parse(await readFile(path.join(dir, "instances.json"), "utf8")));
  const byImage = new Map<number, CocoObject[]>();
  for (const annotation of parsed.annotations) {
    const image = parsed.images.find((candidate) => candidate.id === annotation.image_id);
    if (!image) continue;
    const [x, y, w, h] = annotation.bbox;
    const seg = annotation.segmentation;
    const object: CocoObject = {
      box: { x0: x, y0: y, x1: x + w, y1: y + h },
      crowd: annotation.iscrowd === 1,
      scored: annotation.iscrowd === 0 && w >= minSide && h >= minSide,
      mask: () => (Array.isArray(seg) ? rasterizePolygons(seg, image.width, image.height, { fillRule: "union" }) : decodeRleToMask(seg)),
    };
    const list = byImage.get(image.id) ?? [];
    list.push(object);
    byImage.set(image.id, list);
  }
  // File order, so "--split 40" means the first 40 images of instances.json.
  return parsed.images.map((image) => ({
    fileName: image.file_name,
    imagePath: path.join(dir, "images", image.file_name),
    width: image.width,
    height: image.height,
    objects: byImage.get(image.id) ?? [],
  }));
}

/**
 * Mirror images of a training set (--flip-train: augmentation by re-encoding
 * the flipped picture, since SAM's embedding of a flipped image is not the
 * flipped embedding). Written to the OS temp folder, never the repository.
 */
export async function flippedCopies(images: readonly CocoImage[]): Promise<CocoImage[]> {
  const dir = path.join(os.tmpdir(), "maskwright-prefill-flipped");
  await mkdir(dir, { recursive: true });
  const out: CocoImage[] = [];
  for (const image of images) {
    const imagePath = path.join(dir, `${image.fileName}.flipped.png`);
    await writeFile(imagePath, await sharp(image.imagePath).flop().png().toBuffer());
    out.push({
      ...image,
      fileName: `${image.fileName} (flipped)`,
      imagePath,
      objects: image.objects.map((o) => ({
        ...o,
        box: { x0: image.width - o.box.x1, y0: o.box.y0, x1: image.width - o.box.x0, y1: o.box.y1 },
        mask: () => {
          const m = o.mask();
          const data = new Uint8Array(m.data.length);
          for (let y = 0; y < m.height; y++) for (let x = 0; x < m.width; x++) data[y * m.width + x] = m.data[y * m.width + (m.width - 1 - x)]!;
          return { width: m.width, height: m.height, data };
        },
      })),
    });
  }
  return out;
}

/**
 * The four zoom crops of each training image (--zoom-train, scale
 * augmentation by re-encoding; ./zoom-crops.ts), with the objects that lie
 * mostly inside each crop. Written to the OS temp folder.
 */
export async function zoomCropCopies(images: readonly CocoImage[]): Promise<CocoImage[]> {
  const dir = path.join(os.tmpdir(), "maskwright-prefill-zoom-crops");
  await mkdir(dir, { recursive: true });
  const out: CocoImage[] = [];
  for (const image of images) {
    for (const rect of zoomCropRects({ width: image.width, height: image.height })) {
      const imagePath = path.join(dir, `${image.fileName}.${rect.x}-${rect.y}-${rect.width}-${rect.height}.png`);
      await writeFile(imagePath, await sharp(image.imagePath).extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height }).png().toBuffer());
      const objects = image.objects.flatMap((o) => {
        const box = cropBox(o.box, rect);
        return box ? [{ ...o, box, mask: () => cropMask(o.mask(), rect) }] : [];
      });
      out.push({ fileName: `${image.fileName} (crop ${rect.x},${rect.y})`, imagePath, width: rect.width, height: rect.height, objects });
    }
  }
  return out;
}

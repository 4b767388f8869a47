// Interactive-segmentation datasets laid out as images/<id>.<ext> and
// masks/<id>.png, masks 0 = background, 255 = object, 128 = ignore (GrabCut,
// Berkeley). Read in place: datasets are never copied into the repository.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { GroundTruth } from "./find-next-click";

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"]);

export interface DatasetItem {
  id: string;
  imagePath: string;
  maskPath: string;
}

export async function listDatasetItems({ imagesDir, masksDir, limit }: { imagesDir: string; masksDir: string; limit?: number }): Promise<DatasetItem[]> {
  const maskFiles = new Map<string, string>();
  for (const name of await readdir(masksDir)) maskFiles.set(path.parse(name).name, name);
  const items: DatasetItem[] = [];
  for (const name of (await readdir(imagesDir)).sort()) {
    const { name: id, ext } = path.parse(name);
    if (!IMAGE_EXTENSIONS.has(ext.toLowerCase())) continue;
    const maskName = maskFiles.get(id);
    if (!maskName) throw new Error(`No mask for image ${name} in ${masksDir}`);
    items.push({ id, imagePath: path.join(imagesDir, name), maskPath: path.join(masksDir, maskName) });
  }
  return limit === undefined ? items : items.slice(0, limit);
}

/** Mask PNG -> object and ignore maps (first channel; 128 is ignore). */
export async function loadGroundTruth({ maskPath }: { maskPath: string }): Promise<GroundTruth> {
  const { data, info } = await sharp(await readFile(maskPath)).autoOrient().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  const mask = new Uint8Array(n);
  const ignore = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = data[i * info.channels] as number;
    if (v >= 192) mask[i] = 1;
    else if (v >= 64) ignore[i] = 1;
  }
  return { mask, ignore, width: info.width, height: info.height };
}

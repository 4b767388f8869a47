// A small COCO dataset generated in code for the import/export tests: masks
// drawn as text rows (so each can be checked by eye), given to the importer as
// RLE (compressed and plain counts) and as polygons, covering holes, several
// parts, one-pixel objects, diagonal-only contacts and objects on the border.
// Also builds zips (including hostile ones) and reads zips back.
import yauzl from "yauzl";
import yazl from "yazl";
import { encodeMaskToRle, encodeMaskToUncompressedRle, maskFromRows, type BinaryMask } from "@/lib/mask";
import { makePng } from "../../testing/fixtures/images";

export type FixtureObject = {
  id: number;
  imageId: number;
  categoryId: number;
  /** The mask the object must have after import and after every export. */
  mask: BinaryMask;
  /** How the COCO file gives it. */
  segmentation: unknown;
};

export type CocoFixture = {
  json: Record<string, unknown>;
  images: { id: number; fileName: string; width: number; height: number; bytes: Buffer }[];
  objects: FixtureObject[];
  categories: { id: number; name: string }[];
};

// Image 42: 12 x 9. A ring with a one-pixel island in its hole (RLE), two separate parts (polygons),
// a one-pixel object in the top-left corner (plain-count RLE).
const RING = [
  "............",
  ".#####......",
  ".#...#......",
  ".#.#.#......",
  ".#...#......",
  ".#####......",
  "............",
  "............",
  "............",
];
const TWO_PARTS = [
  "............",
  "............",
  "............",
  "............",
  "............",
  "............",
  "..........##",
  "........#.##",
  "........#...",
];
const CORNER_PIXEL = [
  "#...........",
  "............",
  "............",
  "............",
  "............",
  "............",
  "............",
  "............",
  "............",
];
// Image 7: 7 x 5. A right-border column (polygon), a diagonal pinch (RLE),
// a one-pixel object in the bottom-right corner (RLE).
const RIGHT_COLUMN = ["......#", "......#", "......#", "......#", "......#"];
const PINCH = ["##.....", "##.....", "..##...", "..##...", "......."];
const BOTTOM_RIGHT_PIXEL = [".......", ".......", ".......", ".......", "......#"];

export const CATEGORIES = [
  { id: 3, name: "cat" },
  { id: 7, name: "dog" },
  { id: 12, name: "unused" },
];

export async function buildCocoFixture(options: { seed?: number } = {}): Promise<CocoFixture> {
  const seed = options.seed ?? 0;
  const images = [
    { id: 42, fileName: `ring-${seed}.png`, width: 12, height: 9, bytes: await makePng({ width: 12, height: 9, seed: 10 + seed }) },
    { id: 7, fileName: `border-${seed}.png`, width: 7, height: 5, bytes: await makePng({ width: 7, height: 5, seed: 11 + seed }) },
  ];
  const ring = maskFromRows(RING);
  const twoParts = maskFromRows(TWO_PARTS);
  const corner = maskFromRows(CORNER_PIXEL);
  const column = maskFromRows(RIGHT_COLUMN);
  const pinch = maskFromRows(PINCH);
  const bottomRight = maskFromRows(BOTTOM_RIGHT_PIXEL);
  const objects: FixtureObject[] = [
    { id: 1001, imageId: 42, categoryId: 3, mask: ring, segmentation: encodeMaskToRle(ring) },
    // Pixel-corner polygons, one per part: pixel (x, y) is inside iff its centre is. The third
    // ring overlaps the first on row 7: COCO unions an annotation's rings (no hole there).
    { id: 1002, imageId: 42, categoryId: 7, mask: twoParts, segmentation: [[10, 6, 12, 6, 12, 8, 10, 8], [8, 7, 9, 7, 9, 9, 8, 9], [10, 7, 12, 7, 12, 8, 10, 8]] },
    { id: 1003, imageId: 42, categoryId: 3, mask: corner, segmentation: encodeMaskToUncompressedRle(corner) },
    // Half-pixel vertices: the column centre x = 6.5 is inside [6.2, 7], rows 0..4 all have centres in [0, 5].
    { id: 2001, imageId: 7, categoryId: 7, mask: column, segmentation: [[6.2, 0, 7, 0, 7, 5, 6.2, 5]] },
    { id: 2002, imageId: 7, categoryId: 3, mask: pinch, segmentation: encodeMaskToRle(pinch) },
    // Hand-computed: 7x5, only the last pixel (column-major index 34) set -> counts [34, 1].
    { id: 2003, imageId: 7, categoryId: 7, mask: bottomRight, segmentation: { size: [5, 7], counts: [34, 1] } },
  ];
  const json = {
    info: { description: "maskwright test fixture" },
    images: images.map((image) => ({ id: image.id, file_name: image.fileName, width: image.width, height: image.height })),
    categories: CATEGORIES.map((category) => ({ ...category, supercategory: "animal" })),
    annotations: objects.map((object) => ({ id: object.id, image_id: object.imageId, category_id: object.categoryId, segmentation: object.segmentation, iscrowd: 0 })),
  };
  return { json, images, objects, categories: CATEGORIES };
}

/** A zip of the given files (names must be plain; see patchZipName for hostile ones). */
export async function makeZip(files: { name: string; bytes: Buffer; mode?: number }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(file.bytes, file.name, file.mode !== undefined ? { mode: file.mode } : {});
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Renames an entry in place (same length), e.g. to "../x.png", which zip writers refuse to produce. */
export function patchZipName(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error("names must have the same length");
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  let at = out.indexOf(needle);
  let count = 0;
  while (at >= 0) {
    out.write(to, at, "latin1");
    count += 1;
    at = out.indexOf(needle, at + 1);
  }
  if (count === 0) throw new Error(`entry ${from} not found`);
  return out;
}

/** Every file entry of a zip on disk, by name (read one entry at a time). */
export async function readZip(filePath: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false });
  const out = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

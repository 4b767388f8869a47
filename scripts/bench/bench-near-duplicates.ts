// Near-duplicate detection (lib/images/near-duplicates): how far apart the
// difference hashes of a picture and its edited copies land, against how far
// apart different pictures are, at the threshold the checks and the export
// split use (distances as the grouping sees them: flipped copies included). Every picture is hashed as the app does (from a 320 px WebP
// thumbnail); each copy is made from the original, then thumbnailed.
//
//   npm run bench:near-duplicates -- --dir DIR
//
// DIR holds images (e.g. ../shared/datasets/coco-mini/images). Prints one line
// per kind of copy, then a final JSON line:
// {"bench":"near-duplicates","images","threshold","different_min","different_p1","copies_found","copies","false_groups","ms_per_image_hashes"}
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { groupNearDuplicates, NEAR_DUPLICATE_MAX_DISTANCE, nearDuplicateDistance } from "@/lib/images/near-duplicates";
import { computeDhashes } from "@/server/images/compute-dhash";

type Edit = (bytes: Buffer, width: number, height: number) => Promise<Buffer>;

const EDITS: Record<string, Edit> = {
  "half size, JPEG 60": (bytes, width) => sharp(bytes).resize(Math.round(width / 2)).jpeg({ quality: 60 }).toBuffer(),
  "brightness +10%": (bytes) => sharp(bytes).modulate({ brightness: 1.1 }).jpeg({ quality: 85 }).toBuffer(),
  "3% cut off one side": (bytes, width, height) => sharp(bytes).extract({ left: 0, top: 0, width: Math.round(width * 0.97), height }).toBuffer(),
  "2.5% cut off every side": (bytes, width, height) =>
    sharp(bytes).extract({ left: Math.round(width * 0.025), top: Math.round(height * 0.025), width: Math.round(width * 0.95), height: Math.round(height * 0.95) }).toBuffer(),
  "mirrored (left-right)": (bytes) => sharp(bytes).flop().jpeg({ quality: 85 }).toBuffer(),
  "upside down": (bytes) => sharp(bytes).flip().jpeg({ quality: 85 }).toBuffer(),
  "turned 180°": (bytes) => sharp(bytes).rotate(180).jpeg({ quality: 85 }).toBuffer(),
  "mirrored, half size": (bytes, width) => sharp(bytes).flop().resize(Math.round(width / 2)).jpeg({ quality: 60 }).toBuffer(),
  "turned 90°": (bytes) => sharp(bytes).rotate(90).jpeg({ quality: 85 }).toBuffer(),
  "turned 270°": (bytes) => sharp(bytes).rotate(270).jpeg({ quality: 85 }).toBuffer(),
};

async function hashesAsTheAppDoes(bytes: Buffer): Promise<{ dhash: string; dhashTurned: string }> {
  return computeDhashes(await sharp(bytes).rotate().resize(320, 320, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer());
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? 0;

async function main() {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  if (!values.dir) throw new Error("usage: npm run bench:near-duplicates -- --dir DIR");
  const files = readdirSync(values.dir).filter((name) => /\.(jpe?g|png|webp)$/i.test(name)).sort();
  const hashes: { id: string; dhash: string; dhashTurned: string }[] = [];
  const distances: Record<string, number[]> = Object.fromEntries(Object.keys(EDITS).map((name) => [name, []]));
  let hashMs = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(values.dir, file));
    const { width = 1, height = 1 } = await sharp(bytes).metadata();
    const started = performance.now();
    const { dhash, dhashTurned } = await hashesAsTheAppDoes(bytes);
    hashMs += performance.now() - started;
    hashes.push({ id: file, dhash, dhashTurned });
    for (const [name, edit] of Object.entries(EDITS)) {
      const copy = await hashesAsTheAppDoes(await edit(bytes, width, height));
      distances[name]!.push(nearDuplicateDistance(dhash, copy.dhash, dhashTurned));
    }
  }
  const different: number[] = [];
  for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) different.push(nearDuplicateDistance(hashes[i]!.dhash, hashes[j]!.dhash, hashes[i]!.dhashTurned));
  let found = 0;
  let copies = 0;
  for (const [name, list] of Object.entries(distances)) {
    const within = list.filter((distance) => distance <= NEAR_DUPLICATE_MAX_DISTANCE).length;
    found += within;
    copies += list.length;
    console.log(`${name}: median ${quantile(list, 0.5)} bits, max ${Math.max(...list)}, found ${within}/${list.length}`);
  }
  console.log(
    JSON.stringify({
      bench: "near-duplicates",
      images: files.length,
      threshold: NEAR_DUPLICATE_MAX_DISTANCE,
      different_min: Math.min(...different),
      different_p1: quantile(different, 0.01),
      copies_found: found,
      copies,
      false_groups: groupNearDuplicates(hashes).length,
      ms_per_image_hashes: Math.round(hashMs / Math.max(1, files.length)),
    }),
  );
}

await main();

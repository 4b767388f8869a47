// Finds the mask PNGs in a zip, in the two layouts people bring:
// - this project's PNG export: masks/<stem>_instances.png beside masks/<stem>.json
//   and masks/classes.json (a split export has one such folder per part);
// - Pascal VOC / CVAT "Segmentation mask 1.1": SegmentationClass/<stem>.png
//   (class colours), optionally SegmentationObject/<stem>.png (one colour per
//   object), labelmap.txt (CVAT) and the pictures under JPEGImages/.
import path from "node:path";

export type MaskwrightMaskFile = { stem: string; instancesPath: string; jsonPath: string };
export type MaskwrightMaskSet = { prefix: string; classesPath: string; files: MaskwrightMaskFile[] };
export type VocMaskFile = { prefix: string; stem: string; classPath: string | null; objectPath: string | null };
export type PngMaskLayout =
  | { kind: "maskwright"; sets: MaskwrightMaskSet[]; missingJson: string[] }
  | { kind: "voc"; files: VocMaskFile[]; labelmapPath: string | null }
  | { kind: "none" };

const INSTANCES_SUFFIX = "_instances.png";
const depth = (name: string) => name.split("/").length;

function usable(names: string[]): string[] {
  // macOS zips carry __MACOSX/._name copies of every file.
  return names.filter((name) => !name.startsWith("__MACOSX/") && !path.posix.basename(name).startsWith("._"));
}

function findMaskwright(names: string[]): PngMaskLayout | null {
  const present = new Set(names);
  const classFiles = names.filter((name) => name === "masks/classes.json" || name.endsWith("/masks/classes.json"));
  if (classFiles.length === 0) return null;
  const missingJson: string[] = [];
  const sets = classFiles.sort().map((classesPath) => {
    const prefix = classesPath.slice(0, classesPath.length - "masks/classes.json".length);
    const files = names
      .filter((name) => name.startsWith(`${prefix}masks/`) && name.endsWith(INSTANCES_SUFFIX) && depth(name) === depth(classesPath))
      .sort()
      .map((instancesPath) => {
        const stem = path.posix.basename(instancesPath).slice(0, -INSTANCES_SUFFIX.length);
        const jsonPath = `${prefix}masks/${stem}.json`;
        if (!present.has(jsonPath)) missingJson.push(jsonPath);
        return { stem, instancesPath, jsonPath };
      });
    return { prefix, classesPath, files };
  });
  return { kind: "maskwright", sets, missingJson };
}

function findVoc(names: string[]): PngMaskLayout | null {
  const byKey = new Map<string, VocMaskFile>();
  for (const name of names) {
    const match = /^(.*?)(SegmentationClass|SegmentationObject)\/([^/]+)\.png$/i.exec(name);
    if (!match) continue;
    const [, prefix = "", folder = "", stem = ""] = match;
    const key = `${prefix}\u0000${stem}`;
    const entry = byKey.get(key) ?? { prefix, stem, classPath: null, objectPath: null };
    if (folder.toLowerCase() === "segmentationclass") entry.classPath = name;
    else entry.objectPath = name;
    byKey.set(key, entry);
  }
  if (byKey.size === 0) return null;
  const labelmaps = names.filter((name) => path.posix.basename(name).toLowerCase() === "labelmap.txt").sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  const files = [...byKey.values()].sort((a, b) => `${a.prefix}${a.stem}`.localeCompare(`${b.prefix}${b.stem}`));
  return { kind: "voc", files, labelmapPath: labelmaps[0] ?? null };
}

export function findPngMaskLayout(names: string[]): PngMaskLayout {
  const files = usable(names);
  return findMaskwright(files) ?? findVoc(files) ?? { kind: "none" };
}

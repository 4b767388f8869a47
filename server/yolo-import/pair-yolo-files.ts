// Finds a YOLO dataset's parts among a zip's entries, in the layouts people
// have: images/… beside labels/… (Ultralytics, this project's export),
// split folders (train/images + train/labels, Roboflow), or each label file
// next to its image (CVAT's obj_train_data). The class names come from
// classes.txt / obj.names or a data.yaml, the shallowest one found.
import path from "node:path";

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|bmp|tiff?|gif)$/i;

export type YoloFiles = {
  images: { imagePath: string; labelPath: string | null }[];
  /** Label files under a labels/ folder that no image claims (usually a missing image). */
  orphanLabels: string[];
  classesPath: string | null;
  yamlPath: string | null;
};

/** labels/ in place of the last images/ folder, .txt in place of the extension; next to the image without one. */
export function labelPathFor(imagePath: string): string {
  const dirs = imagePath.split("/");
  const file = dirs.pop() as string;
  const at = dirs.lastIndexOf("images");
  if (at >= 0) dirs[at] = "labels";
  return [...dirs, `${file.slice(0, file.length - path.extname(file).length)}.txt`].join("/");
}

const depth = (name: string) => name.split("/").length;
const shallowest = (names: string[]) => [...names].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))[0] ?? null;

export function pairYoloFiles(names: string[]): YoloFiles {
  const present = new Set(names);
  // macOS zips carry __MACOSX/._name copies of every file: never images.
  const usable = names.filter((name) => !name.startsWith("__MACOSX/") && !path.basename(name).startsWith("._"));
  const images = usable
    .filter((name) => IMAGE_EXTENSIONS.test(name))
    .sort((a, b) => a.localeCompare(b))
    .map((imagePath) => {
      const labelPath = labelPathFor(imagePath);
      return { imagePath, labelPath: present.has(labelPath) ? labelPath : null };
    });
  const claimed = new Set(images.map((image) => image.labelPath));
  const orphanLabels = usable.filter((name) => name.endsWith(".txt") && name.split("/").slice(0, -1).includes("labels") && !claimed.has(name));
  const classesPath = shallowest(usable.filter((name) => ["classes.txt", "obj.names"].includes(path.basename(name))));
  const yamlPath = shallowest(usable.filter((name) => /\.ya?ml$/i.test(name)));
  return { images, orphanLabels, classesPath, yamlPath };
}

// One YOLO segmentation label file: per line "<class> x1 y1 x2 y2 ..." with
// coordinates normalised to 0..1 by the image's width and height. Each line
// is one object whose polygon is filled with the pixel-centre, even-odd rule
// (how this project's YOLO export writes holes and parts as one ring).
// Problems are named with the file and line.
import { AppError } from "../errors/app-error";

export type YoloObject = { classIndex: number; ring: number[]; line: number };

/** Coordinates may stray this far outside 0..1 (rounding in other tools) and are clamped; further is an error. */
const TOLERANCE = 0.01;

function fail(labelPath: string, line: number, message: string): AppError {
  return new AppError("bad_request", `${labelPath}, line ${line}: ${message}`, { reason: "yolo_label", file: labelPath, line });
}

export function parseYoloLabelFile(options: { text: string; labelPath: string; width: number; height: number }): YoloObject[] {
  const { labelPath, width, height } = options;
  const objects: YoloObject[] = [];
  options.text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const fields = raw.trim().split(/\s+/).filter((field) => field !== "");
    if (fields.length === 0) return;
    const classIndex = Number(fields[0]);
    if (!Number.isInteger(classIndex) || classIndex < 0) throw fail(labelPath, line, `the class "${fields[0]}" is not a class index (0, 1, 2 …).`);
    const values = fields.slice(1).map(Number);
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw fail(labelPath, line, `"${fields[bad + 1]}" is not a number.`);
    if (values.length === 4) throw fail(labelPath, line, "it has 4 numbers, a YOLO detection box (cx cy w h), not a segmentation polygon. Import YOLO segmentation labels (at least 3 points).");
    if (values.length % 2 !== 0) throw fail(labelPath, line, `it has ${values.length} coordinates; a polygon needs x y pairs.`);
    if (values.length < 6) throw fail(labelPath, line, "a polygon needs at least 3 points.");
    const outside = values.find((value) => value < -TOLERANCE || value > 1 + TOLERANCE);
    if (outside !== undefined) throw fail(labelPath, line, `the coordinate ${outside} is outside 0..1; YOLO coordinates are divided by the image's width and height.`);
    const ring = values.map((value, k) => Math.min(1, Math.max(0, value)) * (k % 2 === 0 ? width : height));
    objects.push({ classIndex, ring, line });
  });
  return objects;
}

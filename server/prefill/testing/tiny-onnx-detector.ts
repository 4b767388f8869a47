// A tiny ONNX box detector for tests: its `boxes` / `scores` outputs are
// constants (given in input pixels), plus mean(images) x 0 so the graph reads
// its input like a real detector. Built in memory with buildTinyModel.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildTinyModel } from "@/scripts/onnx/tiny-onnx-model";

export type InputBox = [number, number, number, number];

export function buildTinyOnnxDetector(options: {
  size: number;
  boxes: readonly InputBox[];
  scores: readonly number[];
  /** Output names (tests of the contract check rename them). */
  outputNames?: { boxes: string; scores: string };
  inputName?: string;
}): Uint8Array {
  const { size, boxes, scores } = options;
  const names = options.outputNames ?? { boxes: "boxes", scores: "scores" };
  const input = options.inputName ?? "images";
  const n = boxes.length;
  return buildTinyModel({
    nodes: [
      { name: "mean", opType: "ReduceMean", input: [input], output: ["mean"], attribute: [{ name: "keepdims", type: 2, i: 0 }] },
      { name: "zeroed", opType: "Mul", input: ["mean", "zero"], output: ["zeroed"] },
      { name: "boxes", opType: "Add", input: ["box_values", "zeroed"], output: [names.boxes] },
      { name: "scores", opType: "Identity", input: ["score_values"], output: [names.scores] },
    ],
    inputs: [{ name: input, dims: [1, 3, size, size] }],
    outputs: [
      { name: names.boxes, dims: [n, 4] },
      { name: names.scores, dims: [n] },
    ],
    initializers: [
      { name: "zero", dims: [], values: new Float32Array([0]) },
      { name: "box_values", dims: [n, 4], values: Float32Array.from(boxes.flat()) },
      { name: "score_values", dims: [n], values: Float32Array.from(scores) },
    ],
  });
}

/** Writes <dir>/<name>.onnx and returns its path. */
export function writeTinyOnnxDetector(options: { dir: string; name: string; model: Uint8Array }): string {
  mkdirSync(options.dir, { recursive: true });
  const filePath = path.join(options.dir, `${options.name}.onnx`);
  writeFileSync(filePath, options.model);
  return filePath;
}

/**
 * A YOLOv8-style export: one output "output0" [1,4+C,N] (cx,cy,w,h rows, then
 * C class-score rows), constant plus mean(images) x 0.
 */
export function buildTinyYoloDetector(options: { size: number; rows: readonly (readonly number[])[] }): Uint8Array {
  const { size, rows } = options;
  const n = rows[0]?.length ?? 0;
  return buildTinyModel({
    nodes: [
      { name: "mean", opType: "ReduceMean", input: ["images"], output: ["mean"], attribute: [{ name: "keepdims", type: 2, i: 0 }] },
      { name: "zeroed", opType: "Mul", input: ["mean", "zero"], output: ["zeroed"] },
      { name: "head", opType: "Add", input: ["head_values", "zeroed"], output: ["output0"] },
    ],
    inputs: [{ name: "images", dims: [1, 3, size, size] }],
    outputs: [{ name: "output0", dims: [1, rows.length, n] }],
    initializers: [
      { name: "zero", dims: [], values: new Float32Array([0]) },
      { name: "head_values", dims: [1, rows.length, n], values: Float32Array.from(rows.flat()) },
    ],
  });
}

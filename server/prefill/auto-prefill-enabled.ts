// Whether pre-fill should run by itself for a project (a new image's
// embedding is ready, a detector version was activated), from
// settings.prefill.autoPrefill and source and whether the project has an
// active detector the job can use (trained on the project's SAM model). A
// user ONNX detector ("onnx:<name>") counts as an active detector while its
// file is there.
import { onnxDetectorName, type AutoPrefillMode, type PrefillSettings } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { readProjectSettings } from "../detector/read-project-settings";
import { listOnnxDetectors } from "./list-onnx-detectors";

export function autoPrefillApplies(options: { mode: AutoPrefillMode; source: PrefillSettings["source"]; hasDetector: boolean }): boolean {
  const { mode, source, hasDetector } = options;
  if (mode === "off") return false;
  // The grid needs no detector, but pre-filling every image with it is opt-in.
  if (source === "grid") return mode === "always";
  // "detector" / "onnx:<name>": without one the job would skip the image anyway.
  if (source === "detector" || onnxDetectorName(source) !== null) return hasDetector;
  return hasDetector || mode === "always";
}

export async function autoPrefillEnabled(options: { projectId: string }): Promise<boolean> {
  const { modelId, prefill } = await readProjectSettings({ projectId: options.projectId });
  if (prefill.autoPrefill === "off") return false;
  const onnxName = onnxDetectorName(prefill.source);
  if (onnxName !== null) {
    const present = (await listOnnxDetectors()).some((file) => file.name === onnxName);
    return autoPrefillApplies({ mode: prefill.autoPrefill, source: prefill.source, hasDetector: present });
  }
  const active = await db().detectorVersion.count({
    where: { projectId: options.projectId, status: "active", weightsKey: { not: null }, sourceModelId: modelId },
  });
  return autoPrefillApplies({ mode: prefill.autoPrefill, source: prefill.source, hasDetector: active > 0 });
}

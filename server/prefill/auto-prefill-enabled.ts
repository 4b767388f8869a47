// Whether pre-fill should run by itself for a project (a new image's
// embedding is ready, a detector version was activated), from
// settings.prefill.autoPrefill and source and whether the project has an
// active detector the job can use (trained on the project's SAM model).
import type { AutoPrefillMode, PrefillSettings } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { readProjectSettings } from "../detector/read-project-settings";

export function autoPrefillApplies(options: { mode: AutoPrefillMode; source: PrefillSettings["source"]; hasDetector: boolean }): boolean {
  const { mode, source, hasDetector } = options;
  if (mode === "off") return false;
  // The grid needs no detector, but pre-filling every image with it is opt-in.
  if (source === "grid") return mode === "always";
  // "detector": without one the job would skip the image anyway.
  if (source === "detector") return hasDetector;
  return hasDetector || mode === "always";
}

export async function autoPrefillEnabled(options: { projectId: string }): Promise<boolean> {
  const { modelId, prefill } = await readProjectSettings({ projectId: options.projectId });
  if (prefill.autoPrefill === "off") return false;
  const active = await db().detectorVersion.count({
    where: { projectId: options.projectId, status: "active", weightsKey: { not: null }, sourceModelId: modelId },
  });
  return autoPrefillApplies({ mode: prefill.autoPrefill, source: prefill.source, hasDetector: active > 0 });
}

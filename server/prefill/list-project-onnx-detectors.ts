// The ONNX detectors a project's manager may choose from (the files are
// shared by all projects; only managers may change the source, so only they
// see the list).
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { listOnnxDetectors } from "./list-onnx-detectors";

export interface OnnxDetectorSummary {
  name: string;
  fileName: string;
  byteSize: number;
  /** The settings value that selects it. */
  source: `onnx:${string}`;
}

export async function listProjectOnnxDetectors(options: { actor: Actor; projectId: string }): Promise<{ detectors: OnnxDetectorSummary[] }> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: "list ONNX detectors" });
  const files = await listOnnxDetectors();
  return { detectors: files.map(({ name, fileName, byteSize }) => ({ name, fileName, byteSize, source: `onnx:${name}` })) };
}

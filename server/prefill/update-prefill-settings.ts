// Changes the project's pre-fill / detector settings (managers and admins).
// Merges into Project.settings so keys other features keep there survive.
// Choosing a user ONNX detector ("onnx:<name>") opens it first: a missing
// file or one that breaks the contract is refused here (400 naming it)
// rather than discovered by every pre-fill job.
import { onnxDetectorName, updateDetectorSettingsInput, type DetectorSettings, type PrefillSettings, type UpdateDetectorSettingsInput } from "@/lib/schemas/detector";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { parseProjectSettings } from "../detector/read-project-settings";
import { AppError } from "../errors/app-error";
import { loadOnnxDetector, OnnxDetectorError } from "./load-onnx-detector";

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export async function updatePrefillSettings(options: {
  actor: Actor;
  projectId: string;
  input: UpdateDetectorSettingsInput;
}): Promise<{ prefill: PrefillSettings; detector: DetectorSettings }> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "change pre-fill settings" });
  const input = updateDetectorSettingsInput.parse(options.input);
  const onnxName = input.prefill?.source === undefined ? null : onnxDetectorName(input.prefill.source);
  if (onnxName !== null) {
    try {
      await loadOnnxDetector({ name: onnxName });
    } catch (error) {
      if (error instanceof OnnxDetectorError) throw new AppError("bad_request", `Cannot use ONNX detector "${onnxName}": ${error.message}`);
      throw error;
    }
  }
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
    const current = asObject(project.settings);
    const next = {
      ...current,
      prefill: { ...asObject(current.prefill), ...(input.prefill ?? {}) },
      detector: { ...asObject(current.detector), ...(input.detector ?? {}) },
    };
    await tx.project.update({ where: { id: projectId }, data: { settings: next as Prisma.InputJsonValue } });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "prefill.settings", targetType: "project", targetId: projectId, data: input as Prisma.InputJsonValue });
    return parseProjectSettings(next);
  });
}

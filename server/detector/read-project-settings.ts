// Per-project settings of the semi-automatic stage, from Project.settings
// ({ prefill: {...}, detector: {...} }), with defaults for anything unset.
// A malformed stored value falls back to its default rather than blocking
// pre-fill: the settings route validates what it writes.
import { detectorSettings, prefillSettings, type DetectorSettings, type PrefillSettings } from "@/lib/schemas/detector";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

function section(settings: unknown, key: string): Record<string, unknown> {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return {};
  const value = (settings as Record<string, unknown>)[key];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function lenient<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, raw: Record<string, unknown>): T {
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  // Keep every valid key, drop the invalid ones.
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (schema.safeParse({ ...kept, [key]: value }).success) kept[key] = value;
  const parsed = schema.safeParse(kept);
  if (!parsed.success) throw new Error("Default settings do not parse");
  return parsed.data;
}

export function parseProjectSettings(settings: unknown): { prefill: PrefillSettings; detector: DetectorSettings } {
  return { prefill: lenient(prefillSettings, section(settings, "prefill")), detector: lenient(detectorSettings, section(settings, "detector")) };
}

export async function readProjectSettings(options: { projectId: string }): Promise<{
  modelId: string;
  raw: unknown;
  prefill: PrefillSettings;
  detector: DetectorSettings;
}> {
  const project = await db().project.findUnique({ where: { id: options.projectId }, select: { modelId: true, settings: true } });
  if (!project) throw new AppError("not_found", "Project not found.");
  return { modelId: project.modelId, raw: project.settings, ...parseProjectSettings(project.settings) };
}

// Pre-fill outcome counts for the project page: managers and admins only
// (they are per-annotator work measures).
import type { PrefillOutcomes } from "@/lib/schemas/detector";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { countPrefillOutcomes } from "./count-prefill-outcomes";

export async function getPrefillOutcomes(options: { actor: Actor; projectId: string }): Promise<PrefillOutcomes> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: "see pre-fill statistics" });
  return countPrefillOutcomes({ projectId: options.projectId });
}

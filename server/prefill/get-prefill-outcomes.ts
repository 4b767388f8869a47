// Pre-fill outcome counts for the project page, and the pre-fill jobs still
// queued: managers and admins only (they are per-annotator work measures).
import type { PrefillOverview } from "@/lib/schemas/detector";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { countPrefillOutcomes } from "./count-prefill-outcomes";
import { countPrefillQueue } from "./count-prefill-queue";

export async function getPrefillOutcomes(options: { actor: Actor; projectId: string }): Promise<PrefillOverview> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: "see pre-fill statistics" });
  const outcomes = await countPrefillOutcomes({ projectId: options.projectId });
  return { ...outcomes, queue: await countPrefillQueue({ projectId: options.projectId }) };
}

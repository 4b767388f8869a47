// "Your work in this project" on the queue page. Any member may read their own,
// including how review judged their first hand-ins (the managers' quality
// figures, narrowed to them): feedback an annotator can act on.
import type { AnnotatorQuality } from "@/lib/schemas/hand-in-quality";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { countHandInQuality } from "../analytics/count-hand-in-quality";
import { countWorkByMember, type MemberWork } from "./count-work-by-member";

export type MyWork = MemberWork & { quality: AnnotatorQuality | null };

export async function countMyWork(options: { actor: Actor; projectId: string }): Promise<MyWork> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId });
  const [work, quality] = await Promise.all([countWorkByMember({ projectId, userIds: [actor.id] }), countHandInQuality({ projectId, annotatorId: actor.id })]);
  return { ...work.get(actor.id)!, quality: quality.annotators[0] ?? null };
}

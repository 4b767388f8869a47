// "Your work in this project" on the queue page. Any member may read their own.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { countWorkByMember, type MemberWork } from "./count-work-by-member";

export type MyWork = MemberWork;

export async function countMyWork(options: { actor: Actor; projectId: string }): Promise<MyWork> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId });
  const work = await countWorkByMember({ projectId, userIds: [actor.id] });
  return work.get(actor.id)!;
}

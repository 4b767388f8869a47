// A project's activity log for its managers: audit events newest first, a page
// at a time, optionally one kind (see ACTIVITY_KINDS) or one person's. Names
// are looked up in a few batched queries per page: the actor, the image the
// event is about (still there, or the file name the event itself kept), the
// member, label class or batch; a deleted one simply has no name.
import { asRecord } from "@/lib/as-record";
import { ACTIVITY_KINDS, activityQuery, type ActivityItem, type ActivityPage, type ActivityQuery } from "@/lib/schemas/activity";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

const PAGE_SIZE = 50;

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const isPrimitive = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/**
 * What the page needs of an event's data: plain values, lists as their length (a COCO import keeps
 * thousands of id pairs), objects one level deep (a rename's from / to).
 */
export function summarizeAuditData(data: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (isPrimitive(value)) summary[key] = value;
    else if (Array.isArray(value)) summary[key] = value.length;
    else if (typeof value === "object") summary[key] = Object.fromEntries(Object.entries(value as object).filter(([, inner]) => isPrimitive(inner)));
  }
  return summary;
}

export async function listProjectActivity(options: { actor: Actor; projectId: string; query: ActivityQuery }): Promise<ActivityPage> {
  const { actor, projectId } = options;
  const query = activityQuery.parse(options.query);
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see the project's activity" });
  const where: Prisma.AuditEventWhereInput = {
    projectId,
    ...(query.userId ? { actorId: query.userId } : {}),
    ...(query.kind ? { OR: ACTIVITY_KINDS[query.kind].prefixes.map((prefix) => ({ action: { startsWith: prefix } })) } : {}),
  };
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);

  const imageIdOf = (event: (typeof events)[number]) => (event.targetType === "image" ? (event.targetId ?? undefined) : text(asRecord(event.data).imageId));
  const userIds = new Set<string>();
  for (const event of events) {
    if (event.actorId) userIds.add(event.actorId);
    if (event.targetType === "user" && event.targetId) userIds.add(event.targetId);
    const assignee = text(asRecord(event.data).assigneeId);
    if (assignee) userIds.add(assignee);
  }
  const ids = (type: string) => [...new Set(events.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!))];
  const [users, images, labels, batches] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db().image.findMany({ where: { projectId, id: { in: [...new Set(events.map(imageIdOf).filter((id): id is string => Boolean(id)))] } }, select: { id: true, fileName: true } }),
    db().labelClass.findMany({ where: { projectId, id: { in: ids("labelClass") } }, select: { id: true, name: true } }),
    db().batch.findMany({ where: { projectId, id: { in: ids("batch") } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const imageName = new Map(images.map((i) => [i.id, i.fileName]));
  const labelName = new Map(labels.map((l) => [l.id, l.name]));
  const batchName = new Map(batches.map((b) => [b.id, b.name]));

  const items: ActivityItem[] = events.map((event) => {
    const data = asRecord(event.data);
    const imageId = imageIdOf(event);
    const target = event.targetId ?? "";
    const assignee = text(data.assigneeId);
    return {
      id: event.id,
      at: event.createdAt.toISOString(),
      actor: event.actorId ? { id: event.actorId, name: userName.get(event.actorId) ?? "A deleted user" } : null,
      action: event.action,
      data: summarizeAuditData(data),
      subject: {
        ...(imageId ? { imageId, imageName: imageName.get(imageId) ?? text(data.fileName), imageExists: imageName.has(imageId) } : {}),
        ...(event.targetType === "user" ? { userName: userName.get(target) } : assignee ? { userName: userName.get(assignee) } : {}),
        ...(event.targetType === "labelClass" ? { labelName: labelName.get(target) } : {}),
        ...(event.targetType === "batch" ? { batchName: batchName.get(target) ?? text(data.name) } : {}),
      },
    };
  });
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageSize: PAGE_SIZE };
}

// Builders for queue tests and the queue benchmark: users without passwords
// (fast), a project with members, images with their annotate tasks, batches.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../auth/actor";
import { db, type GlobalRole, type ProjectRole } from "../../db/client";

export async function createFastUsers(role: GlobalRole, count: number, prefix: string = role): Promise<Actor[]> {
  const users = Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    return { id, email: `${prefix}-${index}-${id.slice(0, 8)}@queue.test`, name: `${prefix} ${index}`, role };
  });
  await db().user.createMany({ data: users.map((user) => ({ ...user, emailVerified: true })) });
  return users;
}

export async function createQueueProject(options: { members: { actor: Actor; role: ProjectRole }[]; images: number; name?: string }) {
  const project = await db().project.create({
    data: {
      name: options.name ?? `Queue ${randomUUID().slice(0, 6)}`,
      memberships: { create: options.members.map((member) => ({ userId: member.actor.id, role: member.role })) },
    },
  });
  const images = Array.from({ length: options.images }, (_, index) => {
    const sha256 = randomUUID().replace(/-/g, "").padEnd(64, "0");
    return {
      id: randomUUID(),
      projectId: project.id,
      sha256,
      fileName: `img-${String(index).padStart(5, "0")}.png`,
      mime: "image/png",
      byteSize: 1000,
      width: 640,
      height: 480,
      storageKey: `originals/${sha256}`,
      // Distinct import times: "first N" and claim order are by age.
      createdAt: new Date(Date.UTC(2026, 0, 1) + index * 1000),
    };
  });
  // Chunks of 100: the embedded database (PGlite over a socket) aborts on much larger inserts.
  for (let start = 0; start < images.length; start += 100) {
    const chunk = images.slice(start, start + 100);
    await db().image.createMany({ data: chunk });
    await db().task.createMany({ data: chunk.map((image) => ({ projectId: project.id, imageId: image.id, stage: "annotate" as const, status: "todo" as const, createdAt: image.createdAt })) });
  }
  return { project, imageIds: images.map((image) => image.id) };
}

/** Puts every unbatched annotate task of the project into one pool batch (no authorisation: fixtures only). */
export async function batchEverything(options: { projectId: string; priority?: number; name?: string }): Promise<string> {
  const batch = await db().batch.create({ data: { projectId: options.projectId, name: options.name ?? "All", priority: options.priority ?? 0 } });
  await db().task.updateMany({ where: { projectId: options.projectId, stage: "annotate", batchId: null }, data: { batchId: batch.id } });
  return batch.id;
}

/** Makes a task's lease run out now, as if its holder walked away. */
export async function expireLease(taskId: string): Promise<void> {
  await db().$executeRaw`UPDATE "Task" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = ${taskId}`;
}

/** Gives `actor` a live lease on the image's task of `stage` (creating the task if needed): for tests that save annotations. */
export async function holdTestLease(options: { actor: Actor; imageId: string; stage?: "annotate" | "review" }): Promise<string> {
  const stage = options.stage ?? "annotate";
  const image = await db().image.findUniqueOrThrow({ where: { id: options.imageId }, select: { projectId: true } });
  const leaseExpiresAt = new Date(Date.now() + 60 * 60_000);
  const task = await db().task.upsert({
    where: { imageId_stage: { imageId: options.imageId, stage } },
    create: { projectId: image.projectId, imageId: options.imageId, stage, status: "in_progress", assigneeId: options.actor.id, leaseExpiresAt },
    update: { status: "in_progress", assigneeId: options.actor.id, leaseExpiresAt },
    select: { id: true },
  });
  return task.id;
}

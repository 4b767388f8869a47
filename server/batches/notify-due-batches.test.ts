// Due-day reminders on real Postgres: a batch with open images is announced
// once when due today or tomorrow and once when late (webhook deliveries to
// subscribed hooks, an Activity line by "System"); a second sweep sends
// nothing, a moved due day re-arms, and a finished batch is never reminded of.
import { afterAll, describe, expect, it } from "vitest";
import { describeActivity } from "@/components/activity/describe-activity";
import { db } from "../db/client";
import { closeTestDb } from "../testing/close-test-db";
import { batchEverything, createFastUsers, createQueueProject } from "../tasks/testing/queue-fixtures";
import { notifyDueBatches } from "./notify-due-batches";

afterAll(async () => {
  await closeTestDb();
});

const NOW = new Date("2031-03-10T15:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2031, 2, 10 + offset));

describe("notifyDueBatches", () => {
  it("reminds once per due day of batches with open images, by webhook and in the activity log", async () => {
    const [annotator] = await createFastUsers("annotator", 1);
    const { project } = await createQueueProject({ members: [{ actor: annotator!, role: "annotator" }], images: 5 });
    const projectId = project.id;
    const soon = await batchEverything({ projectId, name: "Street" });
    const tasks = await db().task.findMany({ where: { projectId, stage: "annotate" }, orderBy: { id: "asc" } });
    // Two images go to a second batch, due later; one of the first batch's is the annotator's.
    const later = (await db().batch.create({ data: { projectId, name: "Later", dueOn: day(5) } })).id;
    await db().task.updateMany({ where: { id: { in: tasks.slice(3).map((task) => task.id) } }, data: { batchId: later } });
    await db().task.update({ where: { id: tasks[0]!.id }, data: { assigneeId: annotator!.id } });
    await db().batch.update({ where: { id: soon }, data: { dueOn: day(1) } });
    const hook = await db().webhook.create({ data: { projectId, url: "http://127.0.0.1:9/hook", events: ["batch.due_soon", "batch.overdue"], secret: "s" } });
    await db().webhook.create({ data: { projectId, url: "http://127.0.0.1:9/other", events: ["task.submitted"], secret: "s" } });
    const mine = (ids: string[]) => ids.filter((id) => id === soon || id === later);
    const deliveries = async () => db().webhookDelivery.findMany({ where: { webhook: { projectId } }, orderBy: { createdAt: "asc" } });

    expect(mine((await notifyDueBatches({ now: NOW })).due_soon)).toEqual([soon]);
    const [first, ...others] = await deliveries();
    expect(others).toHaveLength(0);
    expect(first).toMatchObject({ webhookId: hook.id, event: "batch.due_soon" });
    expect((first!.payload as { data: unknown }).data).toMatchObject({
      batch: { id: soon, name: "Street", dueOn: "2031-03-11", url: expect.stringMatching(new RegExp(`/projects/${projectId}/batches$`)) },
      open: { todo: 3, total: 3 },
      assignees: [{ userId: null, open: 2 }, { userId: annotator!.id, name: expect.any(String), open: 1 }],
    });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { projectId, action: "batch.due_soon" } });
    expect(audit.actorId).toBeNull();
    const line = describeActivity({ id: audit.id, at: "", actor: null, action: audit.action, data: audit.data as Record<string, unknown>, subject: { batchName: "Street" } });
    expect(line).toBe("— the batch “Street” is due tomorrow (2031-03-11) with 3 images still open");

    // Again: nothing new. Moved to today: re-armed.
    expect(mine((await notifyDueBatches({ now: NOW })).due_soon)).toEqual([]);
    await db().batch.update({ where: { id: soon }, data: { dueOn: day(0) } });
    expect(mine((await notifyDueBatches({ now: NOW })).due_soon)).toEqual([soon]);

    // Late with open images: once. Late but finished: never.
    await db().batch.update({ where: { id: soon }, data: { dueOn: day(-1) } });
    await db().batch.update({ where: { id: later }, data: { dueOn: day(-2) } });
    await db().task.updateMany({ where: { batchId: later }, data: { status: "accepted" } });
    const late = await notifyDueBatches({ now: NOW });
    expect(mine(late.overdue)).toEqual([soon]);
    expect(mine(late.due_soon)).toEqual([]);
    expect(mine((await notifyDueBatches({ now: NOW })).overdue)).toEqual([]);
    expect((await deliveries()).map((delivery) => delivery.event)).toEqual(["batch.due_soon", "batch.due_soon", "batch.overdue"]);
    const overdue = await db().auditEvent.findFirstOrThrow({ where: { projectId, action: "batch.overdue" } });
    expect(describeActivity({ id: overdue.id, at: "", actor: null, action: overdue.action, data: overdue.data as Record<string, unknown>, subject: {} })).toBe(
      "— the batch “Street” is past its due day (2031-03-09) with 3 images still open",
    );
  });
});

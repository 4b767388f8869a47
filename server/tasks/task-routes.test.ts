// The queue's HTTP contract through the real route handlers and database,
// with the session lookup replaced by a fixed actor.
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { createFastUsers, createQueueProject, expireLease } from "./testing/queue-fixtures";
import * as claimRoute from "../../app/api/projects/[projectId]/tasks/claim/route";
import * as queueRoute from "../../app/api/projects/[projectId]/tasks/queue/route";
import * as tasksRoute from "../../app/api/projects/[projectId]/tasks/route";
import * as assignRoute from "../../app/api/projects/[projectId]/tasks/assign/route";
import * as batchesRoute from "../../app/api/projects/[projectId]/batches/route";
import * as batchRoute from "../../app/api/projects/[projectId]/batches/[batchId]/route";
import * as taskRoute from "../../app/api/tasks/[taskId]/route";
import * as heartbeatRoute from "../../app/api/tasks/[taskId]/heartbeat/route";
import * as submitRoute from "../../app/api/tasks/[taskId]/submit/route";
import * as skipRoute from "../../app/api/tasks/[taskId]/skip/route";
import * as releaseRoute from "../../app/api/tasks/[taskId]/release/route";
import * as reviewRoute from "../../app/api/tasks/[taskId]/review/route";
import * as commentsRoute from "../../app/api/tasks/[taskId]/comments/route";
import * as historyRoute from "../../app/api/tasks/[taskId]/history/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../auth/actor", async () => {
  const { AppError } = await import("../errors/app-error");
  return {
    requireActor: async () => {
      if (!session.actor) throw new AppError("unauthenticated", "Sign in to continue.");
      return session.actor;
    },
  };
});

const base = "http://localhost:3000";
type Json = Record<string, unknown> & { error?: { code: string; message: string } };

async function call(actor: Actor | null, fn: () => Promise<Response>): Promise<{ status: number; body: Json }> {
  session.actor = actor;
  const response = await fn();
  return { status: response.status, body: (await response.json()) as Json };
}
const post = (url: string, body?: unknown, raw?: string) =>
  new Request(`${base}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
const get = (url: string) => new Request(`${base}${url}`);
const projectParams = (projectId: string) => ({ params: Promise.resolve({ projectId }) });
const taskParams = (taskId: string) => ({ params: Promise.resolve({ taskId }) });

describe("queue routes", () => {
  it("batches, claim, heartbeat, submit, skip, review, comments, history", async () => {
    const [manager] = await createFastUsers("manager", 1);
    const [annotator] = await createFastUsers("annotator", 1);
    const [reviewer] = await createFastUsers("reviewer", 1);
    const { project } = await createQueueProject({ members: [{ actor: manager!, role: "manager" }, { actor: annotator!, role: "annotator" }, { actor: reviewer!, role: "reviewer" }], images: 3 });
    const pid = project.id;

    expect((await call(null, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`), projectParams(pid)))).status).toBe(401);
    const badBatch = await call(manager!, () => batchesRoute.POST(post(`/api/projects/${pid}/batches`, { name: "x", selection: { kind: "nope" } }), projectParams(pid)));
    expect(badBatch.status).toBe(400);
    const created = await call(manager!, () => batchesRoute.POST(post(`/api/projects/${pid}/batches`, { name: "First", priority: 1, selection: { kind: "first_unassigned", count: 3 }, assigneeIds: [annotator!.id] }), projectParams(pid)));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ taskCount: 3, assigned: { [annotator!.id]: 3 } });
    const batchId = (created.body.batch as { id: string }).id;
    const renamed = await call(manager!, () => batchRoute.PATCH(new Request(`${base}/x`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Renamed" }) }), { params: Promise.resolve({ projectId: pid, batchId }) }));
    expect(renamed.body).toMatchObject({ name: "Renamed" });
    const overview = await call(manager!, () => batchesRoute.GET(get(`/api/projects/${pid}/batches`), projectParams(pid)));
    expect((overview.body.batches as { counts: { todo: number } }[])[0]?.counts.todo).toBe(3);
    expect((await call(annotator!, () => batchesRoute.GET(get(`/api/projects/${pid}/batches`), projectParams(pid)))).status).toBe(403);

    expect((await call(annotator!, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`, undefined, "{nope"), projectParams(pid)))).status).toBe(400);
    expect((await call(annotator!, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`, { stage: "paint" }), projectParams(pid)))).status).toBe(400);
    expect((await call(reviewer!, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`, { stage: "annotate" }), projectParams(pid)))).status).toBe(403);
    const claim = await call(annotator!, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`), projectParams(pid)));
    expect(claim.status).toBe(200);
    const task = claim.body.task as { id: string; imageId: string };
    expect(claim.body.path).toBe(`/projects/${pid}/annotate/${task.imageId}?task=${task.id}`);
    const queue = await call(annotator!, () => queueRoute.GET(get(`/api/projects/${pid}/tasks/queue`), projectParams(pid)));
    expect(queue.body).toMatchObject({ annotate: { assignedToMe: 2, held: { id: task.id } } });
    const details = await call(annotator!, () => taskRoute.GET(get(`/api/tasks/${task.id}`), taskParams(task.id)));
    expect(details.body).toMatchObject({ heldByMe: true, image: { width: 640 } });
    expect((await call(annotator!, () => heartbeatRoute.POST(post(`/api/tasks/${task.id}/heartbeat`), taskParams(task.id)))).status).toBe(200);

    // Skip needs a reason; then the next image opens directly.
    expect((await call(annotator!, () => skipRoute.POST(post(`/api/tasks/${task.id}/skip`, {}), taskParams(task.id)))).status).toBe(400);
    const skipped = await call(annotator!, () => skipRoute.POST(post(`/api/tasks/${task.id}/skip`, { reason: "Overexposed" }), taskParams(task.id)));
    const second = (skipped.body.next as { task: { id: string } }).task;
    expect(second.id).not.toBe(task.id);
    const submitted = await call(annotator!, () => submitRoute.POST(post(`/api/tasks/${second.id}/submit`), taskParams(second.id)));
    expect(submitted.status).toBe(200);
    const third = (submitted.body.next as { task: { id: string } }).task;
    expect((submitted.body.reviewTask as { status: string }).status).toBe("todo");

    // A lost lease: heartbeat and submit are 409 with the message the editor shows.
    await expireLease(third.id);
    await call(manager!, () => assignRoute.POST(post(`/api/projects/${pid}/tasks/assign`, { taskIds: [third.id], assigneeId: null }), projectParams(pid)));
    const releasedBySweep = await import("./release-expired-leases").then((module) => module.releaseExpiredLeases());
    expect(releasedBySweep.map((entry) => entry.id)).toContain(third.id);
    const lost = await call(annotator!, () => heartbeatRoute.POST(post(`/api/tasks/${third.id}/heartbeat`), taskParams(third.id)));
    expect(lost.status).toBe(409);
    expect(lost.body.error?.message).toMatch(/lease/);
    expect((await call(annotator!, () => releaseRoute.POST(post(`/api/tasks/${third.id}/release`), taskParams(third.id)))).status).toBe(409);

    // Review: reject with a pinned comment; the annotator reads it; history lists it.
    const reviewClaim = await call(reviewer!, () => claimRoute.POST(post(`/api/projects/${pid}/tasks/claim`, { stage: "review" }), projectParams(pid)));
    const reviewTask = reviewClaim.body.task as { id: string };
    expect(reviewClaim.body.path).toBe(`/projects/${pid}/review/${reviewTask.id}`);
    expect((await call(reviewer!, () => reviewRoute.POST(post(`/api/tasks/${reviewTask.id}/review`, { verdict: "reject", comments: [] }), taskParams(reviewTask.id)))).status).toBe(400);
    const rejected = await call(reviewer!, () => reviewRoute.POST(post(`/api/tasks/${reviewTask.id}/review?next=0`, { verdict: "reject", comments: [{ comment: "Missed the dog", pinX: 10, pinY: 20 }] }), taskParams(reviewTask.id)));
    expect(rejected.status).toBe(200);
    expect(rejected.body.annotate).toMatchObject({ status: "rejected", assigneeId: annotator!.id });
    const comments = await call(annotator!, () => commentsRoute.GET(get(`/api/tasks/${second.id}/comments`), taskParams(second.id)));
    expect(comments.body.comments).toMatchObject([{ comment: "Missed the dog", pinX: 10, pinY: 20 }]);
    const history = await call(manager!, () => historyRoute.GET(get(`/api/tasks/${second.id}/history`), taskParams(second.id)));
    expect((history.body.entries as { action: string }[]).map((entry) => entry.action)).toContain("review.reject");
    const table = await call(manager!, () => tasksRoute.GET(get(`/api/projects/${pid}/tasks?status=rejected`), projectParams(pid)));
    expect(table.body).toMatchObject({ total: 1 });
    expect((await call(manager!, () => tasksRoute.GET(get(`/api/projects/${pid}/tasks?pageSize=100000`), projectParams(pid)))).status).toBe(400);
  });
});

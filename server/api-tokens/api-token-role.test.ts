// A token that acts as an annotator or a reviewer only, through the real route
// handlers: it labels (or reviews) where its owner's role covers that, is
// refused everything else there (manager actions, the other queue), reaches
// nothing where the owner holds another role, lists only the projects it may
// act in, and may not act installation-wide; an admin's such token likewise.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { closeTestDb } from "../testing/close-test-db";
import { createTestProject, createTestUser } from "../testing/factories";
import { batchEverything, createQueueProject } from "../tasks/testing/queue-fixtures";
import { createApiToken } from "./create-api-token";
import * as meRoute from "../../app/api/me/route";
import * as projectsRoute from "../../app/api/projects/route";
import * as projectRoute from "../../app/api/projects/[projectId]/route";
import * as claimRoute from "../../app/api/projects/[projectId]/tasks/claim/route";
import * as labelClassesRoute from "../../app/api/projects/[projectId]/label-classes/route";
import * as statusRoute from "../../app/api/admin/status/route";

type ErrorJson = { error: { message: string } };

function call(secret: string, method: string, path: string, body?: unknown): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost:3000${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const params = (projectId: string) => ({ params: Promise.resolve({ projectId }) });
const message = async (response: Response) => ((await response.json()) as ErrorJson).error.message;

afterAll(async () => {
  await closeTestDb();
});

describe("a token acting as one project role", () => {
  it("labels where its owner manages or labels, and is refused the rest", async () => {
    const owner = await createTestUser("manager");
    const managed = await createQueueProject({ members: [{ actor: owner, role: "manager" }], images: 2, name: "Role: managed" });
    const reviewed = await createQueueProject({ members: [{ actor: owner, role: "reviewer" }], images: 1, name: "Role: reviewed" });
    await batchEverything({ projectId: managed.project.id });
    const { token, secret } = await createApiToken({ actor: owner, input: { name: "labelling bot", lifetime: "30", projectRole: "annotator" } });
    expect(token).toMatchObject({ projectRole: "annotator", readOnly: false });
    expect(await (await meRoute.GET(call(secret, "GET", "/api/me"))).json()).toMatchObject({ token: { projectRole: "annotator" } });

    const id = managed.project.id;
    const claimed = await claimRoute.POST(call(secret, "POST", `/api/projects/${id}/tasks/claim`, { stage: "annotate" }), params(id));
    expect(claimed.status).toBe(200);
    expect(((await claimed.json()) as { task: { assigneeId: string } }).task.assigneeId).toBe(owner.id);
    expect(await (await projectRoute.GET(call(secret, "GET", `/api/projects/${id}`), params(id))).json()).toMatchObject({ role: "annotator" });

    const labels = await labelClassesRoute.POST(call(secret, "POST", `/api/projects/${id}/label-classes`, { labels: [{ name: "car" }] }), params(id));
    expect(labels.status).toBe(403);
    expect(await message(labels)).toBe("This API token's project role (annotator) may not edit label classes.");
    const review = await claimRoute.POST(call(secret, "POST", `/api/projects/${id}/tasks/claim`, { stage: "review" }), params(id));
    expect(review.status).toBe(403);
    const elsewhere = await claimRoute.POST(call(secret, "POST", `/api/projects/${reviewed.project.id}/tasks/claim`, { stage: "annotate" }), params(reviewed.project.id));
    expect(elsewhere.status).toBe(403);
    expect(await message(elsewhere)).toBe("This API token acts as an annotator, and your role in this project (reviewer) does not include that.");
    expect(await db().labelClass.count({ where: { projectId: id } })).toBe(0);

    const listed = (await (await projectsRoute.GET(call(secret, "GET", "/api/projects"))).json()) as { projects: { id: string }[] };
    expect(listed.projects.map((project) => project.id)).toContain(id);
    expect(listed.projects.map((project) => project.id)).not.toContain(reviewed.project.id);
    const created = await projectsRoute.POST(call(secret, "POST", "/api/projects", { name: "from a bot" }));
    expect(created.status).toBe(403);
    expect(await message(created)).toBe("This API token acts as an annotator only, so it may not create projects.");
  });

  it("gives an admin's reviewer token a reviewer's rights, not an admin's", async () => {
    const admin = await createTestUser("admin");
    const project = await createTestProject({ name: "Admin as reviewer" });
    const { secret } = await createApiToken({ actor: admin, input: { name: "outside reviewer", lifetime: "30", projectRole: "reviewer" } });
    expect(await (await projectRoute.GET(call(secret, "GET", `/api/projects/${project.id}`), params(project.id))).json()).toMatchObject({ role: "reviewer" });
    expect((await labelClassesRoute.POST(call(secret, "POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "x" }] }), params(project.id))).status).toBe(403);
    expect((await statusRoute.GET(call(secret, "GET", "/api/admin/status"))).status).toBe(403);
    await expect(createApiToken({ actor: admin, input: { name: "bad", lifetime: "30", projectRole: "manager" as never } })).rejects.toThrow(/projectRole is annotator or reviewer/);
  });
});

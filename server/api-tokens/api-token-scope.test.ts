// A token's limits, through the real route handlers: limited to chosen
// projects (others refused, lists narrowed, installation-wide actions
// refused) and read-only (anything but GET / HEAD refused, nothing changed).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { closeTestDb } from "../testing/close-test-db";
import { createTestProject, createTestUser } from "../testing/factories";
import { createQueueProject } from "../tasks/testing/queue-fixtures";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import * as meRoute from "../../app/api/me/route";
import * as projectsRoute from "../../app/api/projects/route";
import * as labelClassesRoute from "../../app/api/projects/[projectId]/label-classes/route";
import * as imageRoute from "../../app/api/images/[imageId]/route";
import * as statusRoute from "../../app/api/admin/status/route";

const BASE = "http://localhost:3000";
type ErrorJson = { error: { message: string } };

function call(secret: string, method: string, path: string, body?: unknown): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const projectParams = (projectId: string) => ({ params: Promise.resolve({ projectId }) });
const labelsOf = (projectId: string) => db().labelClass.findMany({ where: { projectId }, select: { name: true }, orderBy: { name: "asc" } });

afterAll(async () => {
  await closeTestDb();
});

describe("a token limited to chosen projects", () => {
  it("reaches those projects only, lists only them, and may not act installation-wide", async () => {
    const manager = await createTestUser("manager");
    const allowed = await createQueueProject({ members: [{ actor: manager, role: "manager" }], images: 1, name: "Scoped: allowed" });
    const other = await createQueueProject({ members: [{ actor: manager, role: "manager" }], images: 1, name: "Scoped: other" });
    const { token, secret } = await createApiToken({ actor: manager, input: { name: "one project", lifetime: "30", projectIds: [allowed.project.id, allowed.project.id] } });
    expect(token).toMatchObject({ projects: [{ id: allowed.project.id, name: "Scoped: allowed" }], readOnly: false });

    expect(await (await meRoute.GET(call(secret, "GET", "/api/me"))).json()).toMatchObject({ via: "token", token: { projectIds: [allowed.project.id], readOnly: false } });
    const listed = (await (await projectsRoute.GET(call(secret, "GET", "/api/projects"))).json()) as { projects: { id: string }[] };
    expect(listed.projects.map((project) => project.id)).toEqual([allowed.project.id]);

    // In its project it acts as the manager it belongs to.
    const created = await labelClassesRoute.POST(call(secret, "POST", `/api/projects/${allowed.project.id}/label-classes`, { labels: [{ name: "car" }] }), projectParams(allowed.project.id));
    expect(created.status).toBe(201);
    expect(await labelsOf(allowed.project.id)).toEqual([{ name: "car" }]);

    // Elsewhere: 403 saying why, by project id and by an image's id alike; nothing written.
    const refused = await labelClassesRoute.POST(call(secret, "POST", `/api/projects/${other.project.id}/label-classes`, { labels: [{ name: "car" }] }), projectParams(other.project.id));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorJson).error.message).toBe("This API token is limited to other projects; make one that includes this project (Your account → API tokens).");
    expect((await labelClassesRoute.GET(call(secret, "GET", `/api/projects/${other.project.id}/label-classes`), projectParams(other.project.id))).status).toBe(403);
    const deleted = await imageRoute.DELETE(call(secret, "DELETE", `/api/images/${other.imageIds[0]}`), { params: Promise.resolve({ imageId: other.imageIds[0]! }) });
    expect(deleted.status).toBe(403);
    expect(await labelsOf(other.project.id)).toEqual([]);
    expect(await db().image.count({ where: { projectId: other.project.id } })).toBe(1);

    const newProject = await projectsRoute.POST(call(secret, "POST", "/api/projects", { name: "from a scoped token" }));
    expect(newProject.status).toBe(403);
    expect(((await newProject.json()) as ErrorJson).error.message).toBe("This API token is limited to chosen projects, so it may not create projects.");
  });

  it("keeps an admin's limited token out of other projects and the admin pages", async () => {
    const admin = await createTestUser("admin");
    const project = await createTestProject({ name: "Admin scoped" });
    const elsewhere = await createTestProject();
    const { secret } = await createApiToken({ actor: admin, input: { name: "admin scoped", lifetime: "30", projectIds: [project.id] } });
    expect((await labelClassesRoute.GET(call(secret, "GET", `/api/projects/${project.id}/label-classes`), projectParams(project.id))).status).toBe(200);
    expect((await labelClassesRoute.GET(call(secret, "GET", `/api/projects/${elsewhere.id}/label-classes`), projectParams(elsewhere.id))).status).toBe(403);
    const status = await statusRoute.GET(call(secret, "GET", "/api/admin/status"));
    expect(status.status).toBe(403);
    expect(((await status.json()) as ErrorJson).error.message).toContain("may not see the system status");
  });

  it("can only be limited to projects its owner is in, and names the others", async () => {
    const annotator = await createTestUser("annotator");
    const mine = await createTestProject({ members: [{ actor: annotator, role: "annotator" }], name: "Mine" });
    const notMine = await createTestProject();
    await expect(createApiToken({ actor: annotator, input: { name: "x", lifetime: "30", projectIds: [mine.id, notMine.id] } })).rejects.toMatchObject({
      code: "bad_request",
      message: `You are not a member of a project with id "${notMine.id}": a token can only be limited to your own projects.`,
    });
    await expect(createApiToken({ actor: annotator, input: { name: "x", lifetime: "30", projectIds: ["no-such-project"] } })).rejects.toMatchObject({ code: "bad_request" });
    expect(await db().apiToken.count({ where: { userId: annotator.id } })).toBe(0);

    // A project deleted later stays in the list by id, without a name, and the token reaches nothing more.
    const { token } = await createApiToken({ actor: annotator, input: { name: "mine only", lifetime: "30", projectIds: [mine.id] } });
    await db().project.delete({ where: { id: mine.id } });
    expect((await listApiTokens({ actor: annotator })).find((entry) => entry.id === token.id)).toMatchObject({ projects: [{ id: mine.id, name: null }] });
  });
});

describe("a read-only token", () => {
  it("reads every project of its owner and refuses every change with 403, naming the request", async () => {
    const manager = await createTestUser("manager");
    const { project, imageIds } = await createQueueProject({ members: [{ actor: manager, role: "manager" }], images: 1 });
    const { token, secret } = await createApiToken({ actor: manager, input: { name: "dashboard", lifetime: "never", readOnly: true } });
    expect(token).toMatchObject({ projects: [], readOnly: true });

    expect((await labelClassesRoute.GET(call(secret, "GET", `/api/projects/${project.id}/label-classes`), projectParams(project.id))).status).toBe(200);
    const post = await labelClassesRoute.POST(call(secret, "POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "car" }] }), projectParams(project.id));
    expect(post.status).toBe(403);
    expect(((await post.json()) as ErrorJson).error.message).toBe(`This API token is read-only: it may not POST /api/projects/${project.id}/label-classes.`);
    const deleted = await imageRoute.DELETE(call(secret, "DELETE", `/api/images/${imageIds[0]}`), { params: Promise.resolve({ imageId: imageIds[0]! }) });
    expect(deleted.status).toBe(403);
    expect(await labelsOf(project.id)).toEqual([]);
    expect(await db().image.count({ where: { projectId: project.id } })).toBe(1);
  });
});

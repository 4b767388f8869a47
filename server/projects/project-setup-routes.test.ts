// Setting a project up from a script: label classes (with attributes) and
// members through the REST routes, authenticated with an API token.
import { describe, expect, it } from "vitest";
import { createApiToken } from "../api-tokens/create-api-token";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import * as labelClassesRoute from "../../app/api/projects/[projectId]/label-classes/route";
import * as labelClassRoute from "../../app/api/projects/[projectId]/label-classes/[labelClassId]/route";
import * as membersRoute from "../../app/api/projects/[projectId]/members/route";
import * as memberRoute from "../../app/api/projects/[projectId]/members/[userId]/route";

const BASE = "http://localhost:3000";

async function scriptFor(role: "manager" | "annotator") {
  const user = await createTestUser(role);
  const { secret } = await createApiToken({ actor: user, input: { name: "setup script", lifetime: "never" } });
  const call = (method: string, path: string, body?: unknown) =>
    new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { user, call };
}

const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("project set-up routes", () => {
  it("add, list and change label classes, and add and remove members", async () => {
    const manager = await scriptFor("manager");
    const annotator = await createTestUser("annotator");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }] });
    const context = { params: Promise.resolve({ projectId: project.id }) };

    const added = await labelClassesRoute.POST(
      manager.call("POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "car", color: "#FF0000", attributes: [{ name: "occluded", type: "checkbox" }] }, { name: "person" }] }),
      context,
    );
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ created: ["car", "person"], skipped: [] });
    const again = await labelClassesRoute.POST(manager.call("POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "car" }] }), context);
    expect(await again.json()).toEqual({ created: [], skipped: ["car"] });
    const bad = await labelClassesRoute.POST(manager.call("POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "x", color: "red" }] }), context);
    expect(bad.status).toBe(400);
    expect(await message(bad)).toContain("Colour must look like #22cc88");

    const listed = (await (await labelClassesRoute.GET(manager.call("GET", `/api/projects/${project.id}/label-classes`), context)).json()) as { labelClasses: { id: string; name: string; color: string; attributes: unknown[] }[] };
    expect(listed.labelClasses.map((label) => [label.name, label.color, label.attributes.length])).toEqual([
      ["car", "#ff0000", 1],
      ["person", expect.stringMatching(/^#[0-9a-f]{6}$/), 0],
    ]);
    const car = listed.labelClasses[0]!;
    const renamed = await labelClassRoute.PATCH(manager.call("PATCH", `/api/projects/${project.id}/label-classes/${car.id}`, { name: "vehicle" }), {
      params: Promise.resolve({ projectId: project.id, labelClassId: car.id }),
    });
    expect(await renamed.json()).toMatchObject({ name: "vehicle", attributes: [{ name: "occluded", type: "checkbox" }] });

    const joined = await membersRoute.POST(manager.call("POST", `/api/projects/${project.id}/members`, { email: annotator.email, role: "annotator" }), context);
    expect(joined.status).toBe(201);
    expect(await db().membership.findFirst({ where: { projectId: project.id, userId: annotator.id }, select: { role: true } })).toEqual({ role: "annotator" });
    const unknown = await membersRoute.POST(manager.call("POST", `/api/projects/${project.id}/members`, { email: "nobody@test.local", role: "annotator" }), context);
    expect(unknown.status).toBe(404);
    const removed = await memberRoute.DELETE(manager.call("DELETE", `/api/projects/${project.id}/members/${annotator.id}`), { params: Promise.resolve({ projectId: project.id, userId: annotator.id }) });
    expect(removed.status).toBe(200);
    expect(await db().membership.count({ where: { projectId: project.id, userId: annotator.id } })).toBe(0);
  });

  it("lets members read the classes but only managers change them", async () => {
    const script = await scriptFor("annotator");
    const project = await createTestProject({ members: [{ actor: script.user, role: "annotator" }] });
    const context = { params: Promise.resolve({ projectId: project.id }) };
    expect((await labelClassesRoute.GET(script.call("GET", `/api/projects/${project.id}/label-classes`), context)).status).toBe(200);
    expect((await labelClassesRoute.POST(script.call("POST", `/api/projects/${project.id}/label-classes`, { labels: [{ name: "x" }] }), context)).status).toBe(403);
    expect((await membersRoute.POST(script.call("POST", `/api/projects/${project.id}/members`, { email: script.user.email, role: "manager" }), context)).status).toBe(403);
  });
});

// A project's settings from a script: GET for any member (review sampling for
// managers only), PATCH changing only what it names, with bad values and
// unknown keys named and nothing changed.
import { afterAll, describe, expect, it } from "vitest";
import { createApiToken } from "../api-tokens/create-api-token";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import { closeTestDb } from "../testing/close-test-db";
import * as projectRoute from "../../app/api/projects/[projectId]/route";

afterAll(async () => {
  await closeTestDb();
});

async function scriptFor(role: "manager" | "annotator") {
  const user = await createTestUser(role);
  const { secret } = await createApiToken({ actor: user, input: { name: "settings script", lifetime: "never" } });
  const call = (method: string, path: string, body?: unknown) =>
    new Request(`http://localhost:3000${path}`, { method, headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { user, call };
}

const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("GET and PATCH /api/projects/:id", () => {
  it("reads the settings and changes only what a change names", async () => {
    const manager = await scriptFor("manager");
    const annotator = await scriptFor("annotator");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }, { actor: annotator.user, role: "annotator" }] });
    const context = { params: Promise.resolve({ projectId: project.id }) };
    const path = `/api/projects/${project.id}`;
    await db().project.update({ where: { id: project.id }, data: { description: "Harbour", settings: { prefill: { minScore: 0.5 }, review: { percent: 50, firstHandIns: 3, trustAt: 0 } } } });

    const seenByManager = await projectRoute.GET(manager.call("GET", path), context);
    expect(await seenByManager.json()).toMatchObject({ id: project.id, role: "manager", handInRules: { requireLabels: false, minMasks: 0 }, reviewSampling: { percent: 50, firstHandIns: 3 } });
    const seenByAnnotator = (await (await projectRoute.GET(annotator.call("GET", path), context)).json()) as Record<string, unknown>;
    expect(seenByAnnotator).toMatchObject({ role: "annotator", handInRules: { minMasks: 0 } });
    expect(seenByAnnotator).not.toHaveProperty("reviewSampling");

    // One setting each: the others (and the pre-fill settings beside them) stay.
    const changed = await projectRoute.PATCH(manager.call("PATCH", path, { reviewSampling: { trustAt: 80 }, handInRules: { minMasks: 2 } }), context);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: project.name, description: "Harbour", handInRules: { requireLabels: false, minMasks: 2 }, reviewSampling: { percent: 50, firstHandIns: 3, trustAt: 80 } });
    // Two scripts at once, different rules: both stand.
    await Promise.all([
      projectRoute.PATCH(manager.call("PATCH", path, { handInRules: { requireLabels: true } }), context),
      projectRoute.PATCH(manager.call("PATCH", path, { reviewSampling: { percent: 10 } }), context),
    ]);
    const settings = (await db().project.findUniqueOrThrow({ where: { id: project.id } })).settings;
    expect(settings).toEqual({
      prefill: { minScore: 0.5 },
      handIn: { requireLabels: true, requireImageAttributes: false, minMasks: 2 },
      review: { percent: 10, firstHandIns: 3, trustAt: 80 },
    });

    const refusals: [unknown, number, RegExp][] = [
      [{ reviewSampling: { percnt: 5 } }, 400, /Unrecognized key.*percnt/],
      [{ colour: "red" }, 400, /Unrecognized key.*colour/],
      [{ reviewSampling: { percent: 101 } }, 400, /cannot be above 100%/],
      [{ name: "  " }, 400, /Project name is required/],
      [{}, 400, /Send at least one of name/],
    ];
    for (const [body, status, pattern] of refusals) {
      const refused = await projectRoute.PATCH(manager.call("PATCH", path, body), context);
      expect(refused.status).toBe(status);
      expect(await message(refused)).toMatch(pattern);
    }
    const byAnnotator = await projectRoute.PATCH(annotator.call("PATCH", path, { name: "Mine" }), context);
    expect(byAnnotator.status).toBe(403);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).settings).toEqual(settings);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(project.name);
  });
});

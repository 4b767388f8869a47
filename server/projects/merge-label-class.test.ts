// Merging label classes through the REST route with an API token: the masks
// move with the values the target class defines, their versions go up, the
// merged class is gone and the activity says so; bad requests change nothing.
import { describe, expect, it } from "vitest";
import { createApiToken } from "../api-tokens/create-api-token";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import * as mergeRoute from "../../app/api/projects/[projectId]/label-classes/[labelClassId]/merge/route";

async function callerFor(role: "manager" | "annotator") {
  const user = await createTestUser(role);
  const { secret } = await createApiToken({ actor: user, input: { name: "merge", lifetime: "never" } });
  return {
    user,
    merge: (projectId: string, labelClassId: string, body: unknown) =>
      mergeRoute.POST(
        new Request(`http://localhost/api/projects/${projectId}/label-classes/${labelClassId}/merge`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
        { params: Promise.resolve({ projectId, labelClassId }) },
      ),
  };
}

const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

describe("POST /api/projects/:id/label-classes/:labelClassId/merge", () => {
  it("moves every mask to the other class, keeps the values it defines, bumps versions and deletes the merged class", async () => {
    const manager = await callerFor("manager");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }] });
    const image = await db().image.create({ data: { projectId: project.id, fileName: "a.png", width: 4, height: 4, sha256: "merge-a", storageKey: "k", byteSize: 1, mime: "image/png" } });
    const auto = await db().labelClass.create({ data: { projectId: project.id, name: "auto", color: "#ff0000", attributes: [{ name: "parked", type: "checkbox" }, { name: "brand", type: "text" }] } });
    const car = await db().labelClass.create({ data: { projectId: project.id, name: "car", color: "#00ff00", attributes: [{ name: "parked", type: "checkbox" }] } });
    const mask = (labelClassId: string, attributes: object) =>
      db().annotation.create({ data: { projectId: project.id, imageId: image.id, labelClassId, attributes, rleCounts: "0 1", maskHeight: 1, maskWidth: 1, bbox: [0, 0, 1, 1], area: 1 } });
    const a = await mask(auto.id, { parked: true, brand: "Volvo" });
    const b = await mask(auto.id, {});
    const c = await mask(car.id, { parked: false });

    const response = await manager.merge(project.id, auto.id, { intoLabelClassId: car.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ masks: 2, into: { id: car.id, name: "car" } });
    const rows = await db().annotation.findMany({ where: { projectId: project.id }, select: { id: true, labelClassId: true, attributes: true, version: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(a.id)).toMatchObject({ labelClassId: car.id, attributes: { parked: true }, version: 2 });
    expect(byId.get(b.id)).toMatchObject({ labelClassId: car.id, attributes: {}, version: 2 });
    expect(byId.get(c.id)).toMatchObject({ labelClassId: car.id, attributes: { parked: false }, version: 1 });
    expect(await db().labelClass.count({ where: { id: auto.id } })).toBe(0);
    const audit = await db().auditEvent.findFirst({ where: { projectId: project.id, action: "label.merge" } });
    expect(audit?.data).toMatchObject({ from: "auto", into: "car", masks: 2 });
  });

  it("refuses itself, a class of another project and annotators, changing nothing", async () => {
    const manager = await callerFor("manager");
    const annotator = await callerFor("annotator");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }, { actor: annotator.user, role: "annotator" }] });
    const other = await createTestProject({ members: [{ actor: manager.user, role: "manager" }] });
    const auto = await db().labelClass.create({ data: { projectId: project.id, name: "auto", color: "#ff0000" } });
    const elsewhere = await db().labelClass.create({ data: { projectId: other.id, name: "car", color: "#00ff00" } });
    const self = await manager.merge(project.id, auto.id, { intoLabelClassId: auto.id });
    expect(self.status).toBe(400);
    expect(await message(self)).toContain("A label class cannot be merged into itself");
    const foreign = await manager.merge(project.id, auto.id, { intoLabelClassId: elsewhere.id });
    expect(foreign.status).toBe(404);
    expect(await message(foreign)).toBe("The label class to merge into was not found in this project.");
    expect((await manager.merge(project.id, auto.id, {})).status).toBe(400);
    expect((await annotator.merge(project.id, auto.id, { intoLabelClassId: elsewhere.id })).status).toBe(403);
    expect(await db().labelClass.count({ where: { id: { in: [auto.id, elsewhere.id] } } })).toBe(2);
  });
});

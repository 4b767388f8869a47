import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { importImage } from "../images/import-image";
import { deleteImages } from "../images/delete-images";
import { stopQueue } from "../jobs/queue";
import { addProjectMember } from "../projects/add-project-member";
import { createLabelClass } from "../projects/create-label-class";
import { deleteLabelClass } from "../projects/delete-label-class";
import { makePng } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { listProjectActivity, summarizeAuditData } from "./list-project-activity";
import { recordAuditEvent } from "./record-audit-event";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let projectId: string;

beforeAll(async () => {
  manager = await createTestUser({ role: "manager", name: "Mia Manager" });
  annotator = await createTestUser({ name: "Ann Labeller" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
  // Oldest first: a member added, two label classes (one deleted again), two images (one deleted), a COCO-sized record.
  await addProjectMember({ actor: manager, input: { projectId, email: annotator.email, role: "annotator" } });
  await createLabelClass({ actor: manager, input: { projectId, name: "car", color: "#ff0000" } });
  const doomed = await createLabelClass({ actor: manager, input: { projectId, name: "tree", color: "#00ff00" } });
  await deleteLabelClass({ actor: manager, input: { projectId, labelClassId: doomed.id } });
  for (const [seed, fileName] of [[41, "kept.png"], [42, "gone.png"]] as const) {
    const result = await importImage({ actor: manager, projectId, fileName, bytes: await makePng({ width: 20, height: 10, seed }) });
    if (result.status !== "imported") throw new Error("expected imported");
    if (fileName === "gone.png") await deleteImages({ actor: manager, projectId, imageIds: [result.image.id] });
  }
  await recordAuditEvent({ actorId: annotator.id, projectId, action: "coco.import", targetType: "project", targetId: projectId, data: { fileName: "instances.json", images: [["a", 1], ["b", 2]], annotations: [] } });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

describe("listProjectActivity", () => {
  it("lists the project's events newest first with the names they are about, deleted things by their kept names", async () => {
    const page = await listProjectActivity({ actor: manager, projectId, query: {} });
    expect(page.total).toBe(8);
    expect(page.items.map((item) => item.action)).toEqual(["coco.import", "image.delete", "image.import", "image.import", "label.delete", "label.create", "label.create", "member.set"]);
    const [coco, deleted, goneImport, keptImport, labelDelete, treeCreate, carCreate, member] = page.items;
    expect(coco).toMatchObject({ actor: { id: annotator.id, name: "Ann Labeller" }, data: { fileName: "instances.json", images: 2, annotations: 0 } });
    expect(deleted).toMatchObject({ subject: { imageName: "gone.png", imageExists: false }, data: { masks: 0 } });
    expect(goneImport!.subject.imageName).toBe("gone.png");
    expect(keptImport!.subject).toMatchObject({ imageName: "kept.png", imageExists: true });
    expect(labelDelete).toMatchObject({ data: { name: "tree" }, subject: { labelName: undefined } });
    expect(treeCreate!.data).toEqual({ name: "tree" });
    expect(carCreate!.subject.labelName).toBe("car");
    expect(member).toMatchObject({ actor: { name: "Mia Manager" }, data: { role: "annotator" }, subject: { userName: "Ann Labeller" } });
  });

  it("narrows to one kind of event or one person, and pages", async () => {
    const setup = await listProjectActivity({ actor: manager, projectId, query: { kind: "setup" } });
    expect(setup.items.map((item) => item.action)).toEqual(["label.delete", "label.create", "label.create", "member.set"]);
    const images = await listProjectActivity({ actor: manager, projectId, query: { kind: "images" } });
    expect(images.total).toBe(4);
    const byAnnotator = await listProjectActivity({ actor: manager, projectId, query: { userId: annotator.id } });
    expect(byAnnotator.items.map((item) => item.action)).toEqual(["coco.import"]);
    const beyond = await listProjectActivity({ actor: manager, projectId, query: { page: 2 } });
    expect(beyond).toMatchObject({ items: [], total: 8, page: 2, pageCount: 1 });
  });

  it("answers the project's managers and admins only, and names a bad filter", async () => {
    await expect(listProjectActivity({ actor: annotator, projectId, query: {} })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listProjectActivity({ actor: manager, projectId, query: { kind: "gossip" as never } })).rejects.toThrow(/must be one of setup, images/);
    const admin = await createTestUser({ role: "admin" });
    await expect(listProjectActivity({ actor: admin, projectId, query: {} })).resolves.toMatchObject({ total: 8 });
  });
});

describe("summarizeAuditData", () => {
  it("keeps plain values, counts lists and keeps objects one level deep", () => {
    expect(summarizeAuditData({ a: "x", n: 2, ok: true, none: null, list: [1, 2, 3], from: { name: "car", deep: { x: 1 } } })).toEqual({
      a: "x",
      n: 2,
      ok: true,
      none: null,
      list: 3,
      from: { name: "car" },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listImagesQuery } from "@/lib/schemas/images";
import type { Actor } from "../auth/actor";
import { db, type TaskStatus } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { setupTempDataDir } from "../testing/fixtures/image-test-project";
import { createProjectWithImages } from "../testing/fixtures/project-with-images";
import { listImageIdsInOrder } from "./list-image-ids-in-order";
import { listProjectImages } from "./list-project-images";
import { closeTestDb } from "../testing/close-test-db";

setupTempDataDir();

let annotator: Actor;
let projectId: string;
const idOf = new Map<string, string>();

beforeAll(async () => {
  const files: [string, TaskStatus][] = [
    ["Cat_01.png", "accepted"],
    ["catX01.png", "todo"],
    ["dog%50.png", "accepted"],
    ["dog-50.png", "submitted"],
    ["bird.png", "rejected"],
  ];
  const created = await createProjectWithImages({ files, seed: 70 });
  ({ annotator, projectId } = created);
  files.forEach(([fileName], index) => idOf.set(fileName, created.ids[index]!));
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

const names = (page: { items: { fileName: string }[] }) => page.items.map((item) => item.fileName);

describe("listProjectImages filters", () => {
  it("narrows to one annotate status, with totals of the filtered set", async () => {
    const accepted = await listProjectImages({ actor: annotator, projectId, status: "accepted" });
    expect(names(accepted)).toEqual(["Cat_01.png", "dog%50.png"]);
    expect(accepted).toMatchObject({ total: 2, pageCount: 1 });
    expect(accepted.items.every((item) => item.annotateStatus === "accepted")).toBe(true);
    const skipped = await listProjectImages({ actor: annotator, projectId, status: "skipped" });
    expect(skipped).toMatchObject({ items: [], total: 0, pageCount: 0 });
  });

  it("searches file names case-insensitively and takes % and _ literally", async () => {
    expect(names(await listProjectImages({ actor: annotator, projectId, q: "CAT" }))).toEqual(["Cat_01.png", "catX01.png"]);
    // "_" would match the X of catX01 as a LIKE wildcard.
    expect(names(await listProjectImages({ actor: annotator, projectId, q: "cat_" }))).toEqual(["Cat_01.png"]);
    // "%" would match every dog file as a LIKE wildcard.
    expect(names(await listProjectImages({ actor: annotator, projectId, q: "g%5" }))).toEqual(["dog%50.png"]);
    expect(await listProjectImages({ actor: annotator, projectId, q: "zebra" })).toMatchObject({ items: [], total: 0 });
    expect(await listProjectImages({ actor: annotator, projectId, q: "\\" })).toMatchObject({ items: [], total: 0 });
  });

  it("combines status and search, and pages within the filtered set", async () => {
    const both = await listProjectImages({ actor: annotator, projectId, status: "accepted", q: "dog" });
    expect(names(both)).toEqual(["dog%50.png"]);
    const second = await listProjectImages({ actor: annotator, projectId, status: "accepted", page: 2, pageSize: 1 });
    expect(second).toMatchObject({ page: 2, total: 2, pageCount: 2 });
    expect(second.items.map((item) => item.id)).toEqual([idOf.get("dog%50.png")]);
  });
});

describe("listProjectImages by label and annotator", () => {
  it("keeps images with a live mask of the label (or without one), and those an annotator holds or handed in", async () => {
    const cat = await db().labelClass.create({ data: { projectId, name: "cat", color: "#ff0000" } });
    const mask = (imageId: string, labelClassId: string | null, deleted = false) =>
      db().annotation.create({ data: { projectId, imageId, labelClassId, rleCounts: "0 1", maskHeight: 1, maskWidth: 1, bbox: [0, 0, 1, 1], area: 1, deletedAt: deleted ? new Date() : null } });
    await mask(idOf.get("Cat_01.png")!, cat.id);
    await mask(idOf.get("catX01.png")!, cat.id, true); // deleted: does not count
    await mask(idOf.get("dog%50.png")!, null);
    await mask(idOf.get("bird.png")!, cat.id);
    await mask(idOf.get("bird.png")!, null);
    expect(names(await listProjectImages({ actor: annotator, projectId, label: cat.id }))).toEqual(["Cat_01.png", "bird.png"]);
    expect(names(await listProjectImages({ actor: annotator, projectId, label: "none" }))).toEqual(["dog%50.png", "bird.png"]);
    expect(names(await listProjectImages({ actor: annotator, projectId, label: cat.id, status: "rejected" }))).toEqual(["bird.png"]);
    expect(await listProjectImages({ actor: annotator, projectId, label: "no-such-class" })).toMatchObject({ items: [], total: 0 });

    const task = (fileName: string) => ({ imageId: idOf.get(fileName)!, stage: "annotate" as const });
    await db().task.updateMany({ where: task("catX01.png"), data: { assigneeId: annotator.id } });
    await db().task.updateMany({ where: task("dog-50.png"), data: { lastAnnotatorId: annotator.id } });
    expect(names(await listProjectImages({ actor: annotator, projectId, annotator: annotator.id }))).toEqual(["catX01.png", "dog-50.png"]);
    expect(names(await listProjectImages({ actor: annotator, projectId, annotator: annotator.id, sort: "name_desc", q: "dog" }))).toEqual(["dog-50.png"]);
    // The editor's walk sees the same view.
    expect(await listImageIdsInOrder({ projectId, filters: { label: "none", sort: "newest" } })).toEqual([idOf.get("bird.png"), idOf.get("dog%50.png")]);
  });
});

describe("listProjectImages by image attribute", () => {
  it("keeps images whose attribute has the value, read as the attribute's type; unknown names or values match nothing", async () => {
    await db().project.update({
      where: { id: projectId },
      data: { imageAttributes: [{ name: "weather", type: "select", options: ["rain", "sun"] }, { name: "blurry", type: "checkbox", options: [] }, { name: "people", type: "number", options: [] }] },
    });
    const set = (fileName: string, attributes: object) => db().image.update({ where: { id: idOf.get(fileName)! }, data: { attributes } });
    await set("Cat_01.png", { weather: "rain", blurry: true, people: 2 });
    await set("catX01.png", { weather: "sun", blurry: false });
    await set("bird.png", { weather: "rain" });
    const filtered = async (attr: string) => names(await listProjectImages({ actor: annotator, projectId, attr }));
    expect(await filtered("weather=rain")).toEqual(["Cat_01.png", "bird.png"]);
    expect(await filtered("blurry=yes")).toEqual(["Cat_01.png"]);
    expect(await filtered("blurry=no")).toEqual(["catX01.png"]);
    expect(await filtered("people=2")).toEqual(["Cat_01.png"]);
    expect(await filtered("people=two")).toEqual([]);
    expect(await filtered("blurry=maybe")).toEqual([]);
    expect(await filtered("colour=red")).toEqual([]);
    expect(names(await listProjectImages({ actor: annotator, projectId, attr: "weather=rain", status: "rejected" }))).toEqual(["bird.png"]);
    expect(await listImageIdsInOrder({ projectId, filters: { attr: "weather=rain", sort: "newest" } })).toEqual([idOf.get("bird.png"), idOf.get("Cat_01.png")]);
    expect(listImagesQuery.safeParse({ attr: "rain" }).error?.issues[0]?.message).toBe("attr must look like name=value");
  });
});

describe("listProjectImages order", () => {
  it("sorts by import order (default), newest first, or file name either way, filters and pages included", async () => {
    const all = ["Cat_01.png", "catX01.png", "dog%50.png", "dog-50.png", "bird.png"];
    expect(names(await listProjectImages({ actor: annotator, projectId }))).toEqual(all);
    expect(names(await listProjectImages({ actor: annotator, projectId, sort: "newest" }))).toEqual([...all].reverse());
    // The database's collation decides the finer points (case, punctuation); these hold under any of them.
    const byName = names(await listProjectImages({ actor: annotator, projectId, sort: "name" }));
    expect([...byName].sort()).toEqual([...all].sort());
    const at = (name: string) => byName.indexOf(name);
    expect(at("bird.png")).toBeLessThan(at("catX01.png"));
    expect(at("catX01.png")).toBeLessThan(at("dog-50.png"));
    expect(at("catX01.png")).toBeLessThan(at("dog%50.png"));
    expect(names(await listProjectImages({ actor: annotator, projectId, sort: "name_desc" }))).toEqual([...byName].reverse());
    const firstAccepted = await listProjectImages({ actor: annotator, projectId, status: "accepted", sort: "name_desc", pageSize: 1 });
    expect(names(firstAccepted)).toEqual(["dog%50.png"]);
  });
});

describe("listImagesQuery", () => {
  it("reads the filters from a query string and names what is wrong", () => {
    expect(listImagesQuery.parse({ status: "rejected", q: "  bird ", page: "2" })).toEqual({ status: "rejected", q: "bird", page: 2, pageSize: 50 });
    // An empty search box is no filter.
    expect(listImagesQuery.parse({ q: "   " }).q).toBeUndefined();
    expect(listImagesQuery.parse({ sort: "name" }).sort).toBe("name");
    expect(listImagesQuery.safeParse({ sort: "size" }).error?.issues[0]?.message).toBe("must be one of oldest, newest, name, name_desc, masks_desc, masks_asc");
    const badStatus = listImagesQuery.safeParse({ status: "done" });
    expect(badStatus.success).toBe(false);
    expect(badStatus.error?.issues[0]?.path).toEqual(["status"]);
    const longSearch = listImagesQuery.safeParse({ q: "x".repeat(201) });
    expect(longSearch.error?.issues[0]?.message).toBe("The file name search is at most 200 characters");
    expect(listImagesQuery.safeParse({ page: "0" }).error?.issues[0]?.message).toBe("page starts at 1");
    expect(listImagesQuery.parse({ label: "none", annotator: " u1 " })).toMatchObject({ label: "none", annotator: "u1" });
    expect(listImagesQuery.parse({ label: "", annotator: "" })).toMatchObject({ label: undefined, annotator: undefined });
    expect(listImagesQuery.safeParse({ label: "a b" }).error?.issues[0]?.message).toBe("label must be a label class id or none");
    expect(listImagesQuery.parse({ issue: "tiny" }).issue).toBe("tiny");
    expect(listImagesQuery.safeParse({ issue: "ugly" }).error?.issues[0]?.message).toBe("must be one of unlabelled, tiny, huge, duplicate, empty, near_duplicate");
    // The filter form sends review= for "Any review outcome".
    expect(listImagesQuery.parse({ review: "" }).review).toBeUndefined();
    expect(listImagesQuery.parse({ review: "changed" }).review).toBe("changed");
    expect(listImagesQuery.safeParse({ review: "better" }).error?.issues[0]?.message).toBe("review must be one of changed, as_is, unreviewed");
  });
});

// The checks before export on real Postgres: each issue finds exactly the
// masks and images it describes, the Images tab's ?issue= view shows those
// images, and only managers may run the checks.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMask, encodeMaskToRle, maskArea, maskBbox, type BinaryMask } from "@/lib/mask";
import type { Actor } from "../auth/actor";
import { db, type TaskStatus } from "../db/client";
import { listProjectImages } from "../images/list-project-images";
import { listImageIdsInOrder } from "../images/list-image-ids-in-order";
import { stopQueue } from "../jobs/queue";
import { setupTempDataDir } from "../testing/fixtures/image-test-project";
import { createProjectWithImages } from "../testing/fixtures/project-with-images";
import { findIssueImages } from "./find-issue-images";
import * as checksRoute from "../../app/api/projects/[projectId]/checks/route";
import { closeTestDb } from "../testing/close-test-db";

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

setupTempDataDir();

let manager: Actor;
let annotator: Actor;
let projectId: string;
const idOf = new Map<string, string>();

/** A rectangle mask on a width x height image. */
function rect(width: number, height: number, x0: number, y0: number, x1: number, y1: number): BinaryMask {
  const mask = createMask(width, height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask.data[y * width + x] = 1;
  return mask;
}

async function addMask(fileName: string, mask: BinaryMask, labelClassId: string | null, deleted = false) {
  const rle = encodeMaskToRle(mask);
  await db().annotation.create({
    data: { projectId, imageId: idOf.get(fileName)!, labelClassId, rleCounts: rle.counts as string, maskHeight: mask.height, maskWidth: mask.width, bbox: maskBbox(mask), area: maskArea(mask), deletedAt: deleted ? new Date() : null },
  });
}

beforeAll(async () => {
  // Widths 20..24 (20 + index), height 12.
  const files: [string, TaskStatus][] = [
    ["a.png", "submitted"],
    ["b.png", "accepted"],
    ["c.png", "accepted"],
    ["d.png", "accepted"],
    ["e.png", "todo"],
  ];
  const created = await createProjectWithImages({ files, seed: 610 });
  ({ manager, annotator, projectId } = created);
  files.forEach(([fileName], index) => idOf.set(fileName, created.ids[index]!));
  const label = (await db().labelClass.create({ data: { projectId, name: "thing", color: "#ff0000" } })).id;
  // a.png (20 x 12): one object drawn twice (IoU 0.9), a 4-pixel speck, a mask without a label.
  await addMask("a.png", rect(20, 12, 0, 0, 10, 10), label);
  await addMask("a.png", rect(20, 12, 0, 0, 10, 9), label);
  await addMask("a.png", rect(20, 12, 15, 10, 17, 12), label);
  await addMask("a.png", rect(20, 12, 12, 0, 19, 6), null);
  // b.png (21 x 12): a mask over the whole picture but one column (95.2%); a deleted speck does not count.
  await addMask("b.png", rect(21, 12, 0, 0, 20, 12), label);
  await addMask("b.png", rect(21, 12, 0, 0, 1, 1), label, true);
  // d.png (23 x 12): two overlapping but different masks (IoU 0.5): not a duplicate.
  await addMask("d.png", rect(23, 12, 0, 0, 10, 10), label);
  await addMask("d.png", rect(23, 12, 5, 0, 15, 10), label);
  // c.png accepted with no mask; e.png has none either but is still to do.
  // Near-duplicate pictures: a.png and e.png hash 4 bits apart, d.png far from both (b.png and c.png have no hash yet).
  await db().image.update({ where: { id: idOf.get("a.png")! }, data: { dhash: "3c7e1f0e8c9a5b21" } });
  await db().image.update({ where: { id: idOf.get("e.png")! }, data: { dhash: "3c7e1f0e8c9a5b2e" } });
  await db().image.update({ where: { id: idOf.get("d.png")! }, data: { dhash: "c381e0f17365a4de" } });
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
});

const imagesWith = async (issue: Parameters<typeof findIssueImages>[0]["issue"]) =>
  Object.fromEntries([...(await findIssueImages({ projectId, issue })).entries()].map(([id, count]) => [[...idOf].find(([, value]) => value === id)![0], count]));

describe("dataset checks", () => {
  it("find exactly the masks and images of each issue", async () => {
    expect(await imagesWith("duplicate")).toEqual({ "a.png": 1 });
    expect(await imagesWith("tiny")).toEqual({ "a.png": 1 });
    expect(await imagesWith("unlabelled")).toEqual({ "a.png": 1 });
    expect(await imagesWith("huge")).toEqual({ "b.png": 1 });
    expect(await imagesWith("empty")).toEqual({ "c.png": 0 });
    expect(await imagesWith("near_duplicate")).toEqual({ "a.png": 0, "e.png": 0 });
  });

  it("GET /api/projects/:id/checks sums them up for managers; annotators get 403", async () => {
    const get = (actor: Actor) => {
      session.actor = actor;
      return checksRoute.GET(new Request(`http://localhost/api/projects/${projectId}/checks`), { params: Promise.resolve({ projectId }) });
    };
    const response = await get(manager);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: { issue: string; masks: number | null; images: number }[]; imagesChecked: number; masksChecked: number };
    expect(body).toMatchObject({ imagesChecked: 5, masksChecked: 7 });
    expect(Object.fromEntries(body.checks.map((check) => [check.issue, [check.masks, check.images]]))).toEqual({
      unlabelled: [1, 1],
      tiny: [1, 1],
      huge: [1, 1],
      duplicate: [1, 1],
      empty: [null, 1],
      near_duplicate: [null, 2],
    });
    expect((await get(annotator)).status).toBe(403);
  });

  it("the Images tab and the editor's walk narrow to an issue's images", async () => {
    const page = await listProjectImages({ actor: annotator, projectId, issue: "empty" });
    expect(page.items.map((item) => item.fileName)).toEqual(["c.png"]);
    expect((await listProjectImages({ actor: annotator, projectId, issue: "duplicate", status: "accepted" })).total).toBe(0);
    expect(await listImageIdsInOrder({ projectId, filters: { issue: "tiny" } })).toEqual([idOf.get("a.png")]);
  });
});

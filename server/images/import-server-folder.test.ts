import { mkdtempSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { stopQueue } from "../jobs/queue";
import { makeJpeg, makePng, makeTextFile } from "../testing/fixtures/images";
import { createTestProject, createTestUser, setupTempDataDir } from "../testing/fixtures/image-test-project";
import { importServerFolder, type FolderFileResult } from "./import-server-folder";
import { resolveImportFolder } from "./resolve-import-folder";
import { closeTestDb } from "../testing/close-test-db";

// Layout: <base>/root is the import root, <base>/outside must stay unreachable.
const base = mkdtempSync(path.join(os.tmpdir(), "maskwright-import-"));
const root = path.join(base, "root");
const outside = path.join(base, "outside");
setupTempDataDir({ importRoot: root });

let admin: Actor;
let manager: Actor;
let projectId: string;

beforeAll(async () => {
  await fs.mkdir(path.join(root, "batch", "sub"), { recursive: true });
  await fs.mkdir(outside, { recursive: true });
  await fs.writeFile(path.join(root, "batch", "a.png"), await makePng({ width: 40, height: 30, seed: 21 }));
  await fs.writeFile(path.join(root, "batch", "b.jpg"), await makeJpeg({ width: 40, height: 30, seed: 22 }));
  await fs.writeFile(path.join(root, "batch", "notes.png"), makeTextFile());
  await fs.writeFile(path.join(root, "batch", "readme.txt"), "not an image");
  await fs.writeFile(path.join(root, "batch", ".hidden.png"), await makePng({ width: 8, height: 8, seed: 23 }));
  await fs.writeFile(path.join(root, "batch", "sub", "c.png"), await makePng({ width: 40, height: 30, seed: 24 }));
  await fs.writeFile(path.join(outside, "secret.png"), await makePng({ width: 40, height: 30, seed: 25 }));
  await fs.symlink(path.join(outside, "secret.png"), path.join(root, "batch", "leak.png"));
  await fs.symlink(outside, path.join(root, "batch", "leakdir"));
  await fs.symlink(outside, path.join(root, "escape"));
  await fs.symlink(path.join(root, "batch", "a.png"), path.join(root, "batch", "z-alias.png"));

  admin = await createTestUser({ role: "admin" });
  manager = await createTestUser({ role: "manager" });
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }] })).id;
});

afterAll(async () => {
  await stopQueue();
  await closeTestDb();
  await fs.rm(base, { recursive: true, force: true });
});

const summary = (results: FolderFileResult[]) =>
  results.map((result) => (result.status === "failed" ? `${result.path}:${result.error.code}` : `${result.path}:${result.status}`));

describe("importServerFolder", () => {
  it("refuses everyone but admins", async () => {
    await expect(importServerFolder({ actor: manager, projectId, folder: "batch" })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/administrators/),
    });
  });

  it("is disabled without an import root", async () => {
    await expect(resolveImportFolder({ importRoot: null, folder: "batch" })).rejects.toMatchObject({
      code: "forbidden",
      message: "Folder import is disabled: set MASKWRIGHT_IMPORT_ROOT",
    });
  });

  it.each([
    ["a .. escape", "../outside"],
    ["a .. escape that comes back", "batch/../../outside"],
    ["a .. inside the root", "batch/../batch"],
    ["an absolute path outside the root", outside],
    ["an absolute path to a system folder", "/etc"],
    ["a symlinked folder pointing outside", "escape"],
  ])("refuses %s", async (_label, folder) => {
    await expect(importServerFolder({ actor: admin, projectId, folder })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db().image.count({ where: { projectId } })).toBe(0);
  });

  it("reports a missing folder and a file given as folder", async () => {
    await expect(importServerFolder({ actor: admin, projectId, folder: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(importServerFolder({ actor: admin, projectId, folder: "batch/a.png" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("imports the folder's images, reports bad files and escaping links, and goes on", async () => {
    const result = await importServerFolder({ actor: admin, projectId, folder: "batch" });
    expect(summary(result.results)).toEqual([
      "a.png:imported",
      "b.jpg:imported",
      "leak.png:forbidden",
      "notes.png:unsupported_media_type",
      "z-alias.png:duplicate", // a link inside the root is fine; its bytes equal a.png
    ]);
    expect(result).toMatchObject({ folder: "batch", imported: 2, duplicates: 1, failed: 2, skipped: 1, truncated: false });
    const notes = result.results.find((entry) => entry.path === "notes.png");
    expect(notes).toMatchObject({ error: { message: expect.stringMatching(/^notes\.png: The file is a text file/) } });
    const names = (await db().image.findMany({ where: { projectId }, select: { fileName: true } })).map((row) => row.fileName).sort();
    expect(names).toEqual(["a.png", "b.jpg"]);
    expect(await db().auditEvent.count({ where: { projectId, action: "image.import_folder" } })).toBe(1);
  });

  it("recurses when asked, reporting a linked folder that leaves the root", async () => {
    const result = await importServerFolder({ actor: admin, projectId, folder: path.join(root, "batch"), recursive: true });
    expect(summary(result.results)).toEqual([
      "a.png:duplicate",
      "b.jpg:duplicate",
      "leak.png:forbidden",
      "leakdir:forbidden",
      "notes.png:unsupported_media_type",
      "sub/c.png:imported",
      "z-alias.png:duplicate",
    ]);
    expect(await db().image.count({ where: { projectId, fileName: "secret.png" } })).toBe(0);
  });

  it("stops at maxFiles and says so", async () => {
    const result = await importServerFolder({ actor: admin, projectId, folder: ".", recursive: true, maxFiles: 2 });
    expect(result.truncated).toBe(true);
    expect(result.results.filter((entry) => entry.status !== "failed")).toHaveLength(2);
  });
});

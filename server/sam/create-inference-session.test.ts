import { afterEach, describe, expect, it, vi } from "vitest";
import { createInferenceSession, readExecutionProvider, readThreadCount } from "./create-inference-session";
import { resolveModelFiles } from "./load-model-manifest";

describe("readExecutionProvider", () => {
  it("defaults to cpu and accepts cuda in any case", () => {
    expect(readExecutionProvider(undefined)).toBe("cpu");
    expect(readExecutionProvider("")).toBe("cpu");
    expect(readExecutionProvider(" CUDA ")).toBe("cuda");
  });
  it("rejects unknown providers", () => {
    expect(() => readExecutionProvider("tpu")).toThrow(/"cpu" or "cuda"/);
  });
});

describe("readThreadCount", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it("prefers the explicit option, then the environment", () => {
    vi.stubEnv("MASKWRIGHT_TEST_THREADS", "3");
    expect(readThreadCount({ explicit: 2, envName: "MASKWRIGHT_TEST_THREADS" })).toBe(2);
    expect(readThreadCount({ envName: "MASKWRIGHT_TEST_THREADS" })).toBe(3);
    vi.stubEnv("MASKWRIGHT_TEST_THREADS", "");
    expect(readThreadCount({ envName: "MASKWRIGHT_TEST_THREADS" })).toBeUndefined();
  });
  it("rejects non-positive or fractional counts", () => {
    vi.stubEnv("MASKWRIGHT_TEST_THREADS", "0");
    expect(() => readThreadCount({ envName: "MASKWRIGHT_TEST_THREADS" })).toThrow(/MASKWRIGHT_TEST_THREADS/);
    expect(() => readThreadCount({ explicit: 1.5, envName: "X" })).toThrow(/positive integer/);
  });
});

describe("createInferenceSession", () => {
  it("falls back to CPU with a warning when CUDA cannot be used", async () => {
    const { decoderPath } = await resolveModelFiles({ verify: ["decoder"] });
    const warnings: string[] = [];
    const created = await createInferenceSession({
      modelPath: decoderPath,
      executionProvider: "cuda",
      intraOpNumThreads: 1,
      logger: { warn: (m) => warnings.push(m) },
    });
    expect(created.session.inputNames).toContain("image_embeddings");
    if (created.executionProvider === "cpu") {
      // This machine's onnxruntime-node has no CUDA provider library.
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/CUDA execution provider unavailable.*falling back to CPU/);
    } else {
      expect(warnings).toHaveLength(0);
    }
    await created.session.release();
  });
});

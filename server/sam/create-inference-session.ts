// One place that turns "which provider, how many threads" into an
// onnxruntime-node session. CUDA is opt-in (MASKWRIGHT_EXECUTION_PROVIDER=cuda)
// and falls back to CPU with a warning: the npm package ships CPU binaries
// only unless rebuilt with --onnxruntime-node-install=cuda12, and a missing
// GPU must not take the annotation server down.
import ort from "onnxruntime-node";

export type ExecutionProviderName = "cpu" | "cuda";

export interface SessionLogger {
  warn(message: string): void;
}

export interface CreatedSession {
  session: ort.InferenceSession;
  /** The provider actually in use after any fallback. */
  executionProvider: ExecutionProviderName;
  /** undefined: onnxruntime's default (one per physical core). */
  intraOpNumThreads: number | undefined;
}

export function readExecutionProvider(value: string | undefined = process.env.MASKWRIGHT_EXECUTION_PROVIDER): ExecutionProviderName {
  const normalised = (value ?? "cpu").trim().toLowerCase();
  if (normalised === "" || normalised === "cpu") return "cpu";
  if (normalised === "cuda") return "cuda";
  throw new Error(`MASKWRIGHT_EXECUTION_PROVIDER must be "cpu" or "cuda", got "${value}"`);
}

/** Positive integer from an explicit option or an environment variable. */
export function readThreadCount({ explicit, envName }: { explicit?: number; envName: string }): number | undefined {
  if (explicit !== undefined) {
    if (!Number.isInteger(explicit) || explicit < 1) throw new Error(`Thread count must be a positive integer, got ${explicit}`);
    return explicit;
  }
  const raw = process.env[envName];
  if (raw === undefined || raw.trim() === "") return undefined;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${envName} must be a positive integer, got "${raw}"`);
  return parsed;
}

export async function createInferenceSession({
  modelPath,
  executionProvider,
  intraOpNumThreads,
  logger = console,
}: {
  modelPath: string;
  executionProvider: ExecutionProviderName;
  intraOpNumThreads?: number;
  logger?: SessionLogger;
}): Promise<CreatedSession> {
  const base: ort.InferenceSession.SessionOptions = {
    // Measured: encoder 0.8 s with 'all' vs 1.2 s without on 2 vCPUs.
    graphOptimizationLevel: "all",
    ...(intraOpNumThreads !== undefined ? { intraOpNumThreads } : {}),
  };
  if (executionProvider === "cuda") {
    try {
      const session = await ort.InferenceSession.create(modelPath, { ...base, executionProviders: ["cuda", "cpu"] });
      return { session, executionProvider: "cuda", intraOpNumThreads };
    } catch (error) {
      logger.warn(
        `CUDA execution provider unavailable for ${modelPath} (${(error as Error).message.split("\n")[0]}); falling back to CPU`,
      );
    }
  }
  const session = await ort.InferenceSession.create(modelPath, { ...base, executionProviders: ["cpu"] });
  return { session, executionProvider: "cpu", intraOpNumThreads };
}

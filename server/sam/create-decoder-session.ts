// Opens a SAM prompt decoder natively (tests, benchmarks, server-side
// decoding). The default is the derived multimask variant, which returns the
// original outputs plus all candidates; "original" is the shipped graph.
import type { ModelEntry } from "@/lib/models/manifest-schema";
import {
  createInferenceSession,
  readExecutionProvider,
  readThreadCount,
  type CreatedSession,
  type ExecutionProviderName,
  type SessionLogger,
} from "./create-inference-session";
import { resolveModelFiles } from "./load-model-manifest";

export type DecoderVariant = "multimask" | "original";

export interface DecoderSession extends CreatedSession {
  model: ModelEntry;
  modelPath: string;
  variant: DecoderVariant;
}

export async function createDecoderSession(
  options: {
    modelId?: string;
    modelsDir?: string;
    variant?: DecoderVariant;
    /** Default: MASKWRIGHT_DECODER_THREADS, else onnxruntime's default. */
    intraOpNumThreads?: number;
    /** Default: MASKWRIGHT_EXECUTION_PROVIDER, else cpu. */
    executionProvider?: ExecutionProviderName;
    logger?: SessionLogger;
  } = {},
): Promise<DecoderSession> {
  const variant = options.variant ?? "multimask";
  const role = variant === "multimask" ? "multimaskDecoder" : "decoder";
  const files = await resolveModelFiles({ modelId: options.modelId, modelsDir: options.modelsDir, verify: [role] });
  const modelPath = variant === "multimask" ? files.multimaskDecoderPath : files.decoderPath;
  const created = await createInferenceSession({
    modelPath,
    executionProvider: options.executionProvider ?? readExecutionProvider(),
    intraOpNumThreads: readThreadCount({ explicit: options.intraOpNumThreads, envName: "MASKWRIGHT_DECODER_THREADS" }),
    logger: options.logger,
  });
  return { ...created, model: files.model, modelPath, variant };
}

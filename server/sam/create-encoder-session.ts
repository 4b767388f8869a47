// Opens the image encoder of a manifest model (hash-verified) for encodeImage.
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

export interface EncoderSession extends CreatedSession {
  model: ModelEntry;
  modelPath: string;
  inputName: string;
  outputName: string;
}

export async function createEncoderSession(
  options: {
    modelId?: string;
    modelsDir?: string;
    /** Default: MASKWRIGHT_ENCODER_THREADS, else onnxruntime's default. */
    intraOpNumThreads?: number;
    /** Default: MASKWRIGHT_EXECUTION_PROVIDER, else cpu. */
    executionProvider?: ExecutionProviderName;
    logger?: SessionLogger;
  } = {},
): Promise<EncoderSession> {
  const files = await resolveModelFiles({ modelId: options.modelId, modelsDir: options.modelsDir, verify: ["encoder"] });
  const created = await createInferenceSession({
    modelPath: files.encoderPath,
    executionProvider: options.executionProvider ?? readExecutionProvider(),
    intraOpNumThreads: readThreadCount({ explicit: options.intraOpNumThreads, envName: "MASKWRIGHT_ENCODER_THREADS" }),
    logger: options.logger,
  });
  const inputName = created.session.inputNames[0];
  const outputName = created.session.outputNames[0];
  if (created.session.inputNames.length !== 1 || !inputName || !outputName) {
    throw new Error(`Encoder ${files.encoderPath} should have one input, has: ${created.session.inputNames.join(", ")}`);
  }
  return { ...created, model: files.model, modelPath: files.encoderPath, inputName, outputName };
}

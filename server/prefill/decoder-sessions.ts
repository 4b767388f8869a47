// One multimask decoder session per model per worker process for pre-fill
// (creating one costs ~1 s); made on first use and kept.
import { createDecoderSession, type DecoderSession } from "../sam/create-decoder-session";

const sessions = new Map<string, Promise<DecoderSession>>();

export function prefillDecoderFor(modelId: string): Promise<DecoderSession> {
  let session = sessions.get(modelId);
  if (!session) {
    session = createDecoderSession({ modelId, variant: "multimask", logger: { warn: (message: string) => console.warn(`[prefill] ${message}`) } });
    session.catch(() => sessions.delete(modelId));
    sessions.set(modelId, session);
  }
  return session;
}

// One encoder session per model per worker process: creating one costs
// seconds and hundreds of MB, so it is made on first use and kept.
import { createEncoderSession, type EncoderSession } from "./create-encoder-session";

const sessions = new Map<string, Promise<EncoderSession>>();

export function encoderSessionFor(modelId: string): Promise<EncoderSession> {
  let session = sessions.get(modelId);
  if (!session) {
    session = createEncoderSession({ modelId, logger: { warn: (message: string) => console.warn(`[encoder] ${message}`) } });
    // A failed creation must not be cached forever.
    session.catch(() => sessions.delete(modelId));
    sessions.set(modelId, session);
  }
  return session;
}

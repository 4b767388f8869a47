// One outbox entry -> one request. Used for this image's entries and, in the
// background, for entries left over from other images.
import type { AnnotationApi, ApiOutcome } from "./annotation-api";
import { isOwnEarlierWrite } from "./entry-rules";
import type { OutboxEntry, OutboxStore } from "./outbox-store";

export function sendEntry(api: AnnotationApi, entry: OutboxEntry): Promise<ApiOutcome> {
  const taskId = entry.taskId;
  if (entry.kind === "delete") return api.remove({ id: entry.objectId, baseVersion: entry.baseVersion, taskId });
  if (!entry.payload) return Promise.resolve({ kind: "rejected", status: 0, message: "The saved change has no content." });
  if (entry.kind === "create") return api.create({ imageId: entry.imageId, id: entry.objectId, payload: entry.payload, taskId });
  return api.update({ id: entry.objectId, baseVersion: entry.baseVersion, payload: entry.payload, taskId });
}

/**
 * Sends what other images left in the outbox (e.g. saved offline, then the
 * session expired). Saved entries are removed; conflicts and refusals stay
 * and are shown when that image is opened. Stops at the first "signed out".
 */
export async function sendOtherImages(options: {
  api: AnnotationApi;
  outbox: OutboxStore;
  imageId: string;
  userId: string;
  onRemaining: (count: number) => void;
  shouldStop: () => boolean;
}): Promise<"done" | "unauthenticated"> {
  const { api, outbox, imageId, userId, onRemaining, shouldStop } = options;
  const others = (await outbox.list()).filter((e) => e.imageId !== imageId);
  let remaining = others.length;
  onRemaining(remaining);
  for (const entry of others) {
    if (shouldStop()) return "done";
    const outcome = await sendEntry(api, entry);
    if (outcome.kind === "unauthenticated") return "unauthenticated";
    // A delete that meets a deleted object is done; other 409s need the image open to decide.
    const done = outcome.kind === "ok" || (outcome.kind === "conflict" && entry.kind === "delete" && isOwnEarlierWrite(entry, outcome.current, userId));
    if (done) {
      await outbox.remove(entry.key);
      onRemaining(--remaining);
    }
  }
  return "done";
}

// Before Submit / Skip / Stop hands the image on, every change made in the
// editor must have reached the server: a save sent after the submit would
// meet a lost lease. Flushes the editor's sync engine and waits until nothing
// is unsaved; a conflict, a refused save, a signed-out session or a server
// that stays unreachable stops the wait with a message for the person (the
// work stays in the browser's outbox either way).
import type { SyncSnapshot } from "@/components/editor/sync/sync-engine";

export type SaveSource = {
  flushNow(): void;
  getSnapshot(): SyncSnapshot;
  subscribe(listener: () => void): () => void;
};

export type SavedOutcome = { ok: true } | { ok: false; message: string };

/** What stands in the way of leaving, or null when all is saved; "wait" while saves are still under way. */
export function savedVerdict(snapshot: SyncSnapshot): SavedOutcome | "wait" {
  const states = [...snapshot.objects.values()];
  if (states.length === 0) return { ok: true };
  if (snapshot.authRequired) return { ok: false, message: "You were signed out: sign in again so your changes can be saved, then submit." };
  const conflict = states.find((state) => state.state === "conflict");
  if (conflict) return { ok: false, message: "Someone else changed a mask you edited: choose which version to keep, then submit." };
  const blocked = states.find((state) => state.state === "blocked");
  if (blocked && blocked.state === "blocked") return { ok: false, message: `A change was not accepted by the server, so the image was not handed on: ${blocked.message}` };
  return "wait";
}

export function waitForSaved(sync: SaveSource, options: { timeoutMs?: number } = {}): Promise<SavedOutcome> {
  sync.flushNow();
  const first = savedVerdict(sync.getSnapshot());
  if (first !== "wait") return Promise.resolve(first);
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      const unsaved = sync.getSnapshot().objects.size;
      resolve({ ok: false, message: `${unsaved} change${unsaved === 1 ? " is" : "s are"} not saved yet (the server cannot be reached). They are kept in this browser; try again in a moment.` });
    }, options.timeoutMs ?? 20_000);
    unsubscribe = sync.subscribe(() => {
      const verdict = savedVerdict(sync.getSnapshot());
      if (verdict === "wait") return;
      clearTimeout(timer);
      unsubscribe();
      resolve(verdict);
    });
  });
}

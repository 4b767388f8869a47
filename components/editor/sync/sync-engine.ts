// Saves the document to the server and never loses work.
//
// - What to send comes from diffing the document against the server's last
//   confirmed copies (core/sync-diff), so edits, undo, redo and restored work
//   all save the same way.
// - Every change is written to the outbox (IndexedDB) before it is sent and
//   removed only once the server confirmed exactly that change; a reload or
//   an expired session restores it into the document and sends it again.
// - Writes carry the version they are based on. A 409 with someone else's
//   copy stops that object and waits for a person: reload theirs / keep mine.
// - Unreachable server: retried with backoff (and at once when the browser
//   says it is online again). Signed out: paused until `resume()`.
// Framework-free: timers and the clock are injected; React subscribes.
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { objectFromDto, objectFromPayload } from "../core/annotation-codec";
import type { EditorStore } from "../core/editor-store";
import { pendingChanges, serverCopyOf, type ServerCopy } from "../core/sync-diff";
import type { EditorObject } from "../core/types";
import type { AnnotationApi, ApiOutcome } from "./annotation-api";
import { sendEntry, sendOtherImages } from "./send-entry";
import {
  changeBaseVersion,
  changeId,
  entryFor,
  isOwnEarlierWrite,
  retryDelayMs,
  sameSnapshot,
  serverCopyFromDto,
  snapshotOf,
  unknownServerCopy,
  type EntrySnapshot,
} from "./entry-rules";
import type { OutboxEntry, OutboxStore } from "./outbox-store";

export type ObjectSyncState =
  | { state: "pending" }
  | { state: "saving" }
  | { state: "retrying"; attempts: number; message: string }
  | { state: "conflict"; current: AnnotationDto; message: string }
  | { state: "blocked"; message: string };

export interface SyncSnapshot {
  /** Objects of this image with unsaved changes, and why. */
  objects: ReadonlyMap<string, ObjectSyncState>;
  authRequired: boolean;
  /** The last attempt could not reach the server. */
  offline: boolean;
  /** Unsaved entries of other images (sent in the background). */
  otherImages: number;
  savedCount: number;
}

interface Tracked {
  entry: OutboxEntry;
  snapshot: EntrySnapshot | null;
  state: ObjectSyncState;
  attempts: number;
  persisted: Promise<void>;
}

type Schedule = (fn: () => void, ms: number) => () => void;

export interface SyncEngineOptions {
  imageId: string;
  taskId: string | null;
  userId: string;
  store: EditorStore;
  api: AnnotationApi;
  outbox: OutboxStore;
  schedule?: Schedule;
  now?: () => number;
  debounceMs?: number;
  /** The server's copies as loaded (default: the store's document at start). */
  serverObjects?: readonly EditorObject[];
  onError?: (error: unknown) => void;
}

export class SyncEngine {
  private readonly baseline = new Map<string, ServerCopy>();
  private readonly tracked = new Map<string, Tracked>();
  private inFlight: string | null = null;
  private authRequired = false;
  private offline = false;
  private otherImages = 0;
  private savedCount = 0;
  private holds = 0;
  private cancelReconcile: (() => void) | null = null;
  private readonly retryTimers = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private snapshot: SyncSnapshot;
  private unsubscribe: (() => void) | null = null;
  private lastDoc: unknown = null;
  private stopped = false;
  private readonly schedule: Schedule;
  private readonly now: () => number;

  constructor(private readonly options: SyncEngineOptions) {
    this.schedule = options.schedule ?? ((fn, ms) => clearTimeout.bind(null, setTimeout(fn, ms)));
    this.now = options.now ?? (() => Date.now());
    this.snapshot = this.buildSnapshot();
  }

  getSnapshot = (): SyncSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Unsaved work from the outbox is laid over the server's copies. May be called again after stop(). */
  async start(): Promise<void> {
    const { store, outbox, imageId } = this.options;
    this.stopped = false;
    this.baseline.clear();
    for (const object of this.options.serverObjects ?? store.getState().doc.objects) this.baseline.set(object.id, serverCopyOf(object, object.version));
    for (const entry of await outbox.list({ imageId })) this.restore(entry);
    this.lastDoc = store.getState().doc;
    this.unsubscribe = store.subscribe(() => this.onStoreChange());
    this.reconcile();
    void this.sendOtherImages();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.cancelReconcile?.();
    for (const cancel of this.retryTimers.values()) cancel();
    this.retryTimers.clear();
  }

  /** While held (a brush stroke in progress) changes are not diffed; release() saves the result. */
  hold(): void {
    this.holds++;
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds === 0) this.scheduleReconcile();
  }

  /** Diff and persist now (page hide / unload: the outbox write must not wait for the debounce). */
  flushNow(): void {
    this.cancelReconcile?.();
    this.cancelReconcile = null;
    this.reconcile();
  }

  /** Signed in again, back online, or the window regained focus: try everything now. */
  resume(): void {
    this.authRequired = false;
    for (const [id, cancel] of this.retryTimers) {
      cancel();
      const tracked = this.tracked.get(id);
      if (tracked && tracked.state.state === "retrying") tracked.state = { state: "pending" };
    }
    this.retryTimers.clear();
    this.emit();
    this.pump();
    void this.sendOtherImages();
  }

  /** Retry a blocked object (e.g. after the lease was renewed). */
  retry(objectId: string): void {
    const tracked = this.tracked.get(objectId);
    if (!tracked || tracked.state.state !== "blocked") return;
    tracked.state = { state: "pending" };
    this.emit();
    this.pump();
  }

  /** A person's answer to a version conflict. Neither answer loses anything silently. */
  resolveConflict(objectId: string, choice: "theirs" | "mine"): void {
    const tracked = this.tracked.get(objectId);
    if (!tracked || tracked.state.state !== "conflict") return;
    const current = tracked.state.current;
    this.baseline.set(objectId, serverCopyFromDto(current));
    this.options.store.acknowledge(objectId, current.version);
    if (choice === "theirs") {
      this.drop(tracked);
      this.options.store.applyRemote(current.deleted ? { kind: "delete", id: objectId } : { kind: "upsert", object: objectFromDto(current) });
    } else {
      // Mine, now based on their version: the next diff sends it as an update (or delete) of theirs.
      tracked.state = { state: "pending" };
      tracked.snapshot = null;
    }
    this.reconcile();
  }

  /** Someone else saved (or, with `deleted`, deleted) an object of this image (socket event). */
  applyRemote(dto: AnnotationDto | { id: string; version: number; deleted: true }): void {
    const known = this.baseline.get(dto.id);
    // Our own echo or older news; and unsaved work here waits for its save's 409 and a choice.
    if ((known && dto.version <= known.version) || this.tracked.has(dto.id)) return;
    if ("rle" in dto) this.baseline.set(dto.id, serverCopyFromDto(dto));
    else if (known) this.baseline.set(dto.id, { ...known, version: dto.version, deleted: true });
    this.options.store.applyRemote("rle" in dto && !dto.deleted ? { kind: "upsert", object: objectFromDto(dto) } : { kind: "delete", id: dto.id });
  }

  // ---- internals -----------------------------------------------------------

  private restore(entry: OutboxEntry): void {
    const { store } = this.options;
    const { width, height } = store.getState().doc;
    const id = entry.objectId;
    const known = this.baseline.get(id);
    if (entry.kind === "delete") {
      if (!known) {
        void this.options.outbox.remove(entry.key); // already gone on the server
        return;
      }
      this.baseline.set(id, { ...known, version: entry.baseVersion });
      store.applyRemote({ kind: "delete", id });
      return;
    }
    if (!entry.payload) return;
    if (entry.kind === "update") {
      // Keep the version the work was based on: if the server moved on, the save gets a 409 and a choice.
      this.baseline.set(id, { ...(known ?? unknownServerCopy({ id, version: entry.baseVersion, width, height })), version: entry.baseVersion, deleted: false });
    }
    store.applyRemote({ kind: "upsert", object: objectFromPayload({ id, payload: entry.payload, version: entry.baseVersion }) });
  }

  private onStoreChange(): void {
    const doc = this.options.store.getState().doc;
    if (doc === this.lastDoc) return;
    this.lastDoc = doc;
    this.scheduleReconcile();
  }

  private scheduleReconcile(): void {
    if (this.holds > 0 || this.stopped) return;
    this.cancelReconcile?.();
    this.cancelReconcile = this.schedule(() => {
      this.cancelReconcile = null;
      this.reconcile();
    }, this.options.debounceMs ?? 100);
  }

  /** Brings the outbox in line with the diff, then sends. */
  private reconcile(): void {
    if (this.stopped) return;
    const { store, imageId, taskId, outbox } = this.options;
    const seen = new Set<string>();
    for (const change of pendingChanges(store.getState().doc, this.baseline)) {
      const id = changeId(change);
      seen.add(id);
      const tracked = this.tracked.get(id);
      const snapshot = change.kind === "delete" ? null : snapshotOf(change.object);
      const baseVersion = changeBaseVersion(change);
      if (tracked && tracked.entry.kind === change.kind && tracked.entry.baseVersion === baseVersion && sameSnapshot(tracked.snapshot, snapshot)) continue;
      const entry = entryFor({ imageId, change, taskId, revision: (tracked?.entry.revision ?? 0) + 1, now: this.now() });
      // A conflict or a refusal stays until a person acts; its entry follows the latest edits.
      const keep = tracked && (tracked.state.state === "conflict" || tracked.state.state === "blocked");
      this.tracked.set(id, {
        entry,
        snapshot,
        state: keep ? tracked.state : { state: "pending" },
        attempts: 0,
        persisted: outbox.put(entry).catch((error: unknown) => this.options.onError?.(error)),
      });
    }
    for (const tracked of [...this.tracked.values()]) {
      // Back at the server's state (e.g. undone): nothing to send any more.
      if (!seen.has(tracked.entry.objectId) && this.inFlight !== tracked.entry.objectId) this.drop(tracked);
    }
    this.emit();
    this.pump();
  }

  private drop(tracked: Tracked): void {
    this.tracked.delete(tracked.entry.objectId);
    this.retryTimers.get(tracked.entry.objectId)?.();
    this.retryTimers.delete(tracked.entry.objectId);
    void tracked.persisted.then(() => this.options.outbox.remove(tracked.entry.key)).catch((error: unknown) => this.options.onError?.(error));
  }

  private pump(): void {
    if (this.inFlight !== null || this.authRequired || this.stopped) return;
    const next = [...this.tracked.values()].find((t) => t.state.state === "pending");
    if (!next) return;
    this.inFlight = next.entry.objectId;
    next.state = { state: "saving" };
    this.emit();
    void this.send(next).catch((error: unknown) => {
      this.inFlight = null;
      next.state = { state: "blocked", message: error instanceof Error ? error.message : String(error) };
      this.options.onError?.(error);
      this.emit();
    });
  }

  private async send(sent: Tracked): Promise<void> {
    await sent.persisted;
    const outcome = await sendEntry(this.options.api, sent.entry);
    this.inFlight = null;
    if (this.stopped) return;
    this.handle(sent, outcome);
    this.emit();
    this.pump();
  }

  private handle(sent: Tracked, outcome: ApiOutcome): void {
    const id = sent.entry.objectId;
    const stillCurrent = this.tracked.get(id) === sent;
    switch (outcome.kind) {
      case "ok": {
        const dto = outcome.annotation;
        const { width, height } = this.options.store.getState().doc;
        const previous = this.baseline.get(id) ?? unknownServerCopy({ id, version: dto.version, width, height });
        this.baseline.set(
          id,
          sent.snapshot
            ? { id, version: dto.version, deleted: false, labelClassId: sent.snapshot.labelClassId, mask: sent.snapshot.mask, order: sent.snapshot.order, attributes: sent.snapshot.attributes ?? {} }
            : { ...previous, version: dto.version, deleted: true },
        );
        this.options.store.acknowledge(id, dto.version);
        this.offline = false;
        this.savedCount++;
        if (stillCurrent) this.drop(sent);
        this.reconcile();
        return;
      }
      case "conflict":
        if (isOwnEarlierWrite(sent.entry, outcome.current, this.options.userId)) {
          this.baseline.set(id, serverCopyFromDto(outcome.current));
          this.options.store.acknowledge(id, outcome.current.version);
          if (stillCurrent) sent.snapshot = null;
          sent.state = { state: "pending" };
          this.reconcile();
          return;
        }
        this.mark(id, { state: "conflict", current: outcome.current, message: outcome.message });
        return;
      case "blocked":
      case "rejected":
        this.mark(id, { state: "blocked", message: outcome.message });
        return;
      case "unauthenticated":
        this.authRequired = true;
        this.mark(id, { state: "pending" });
        return;
      case "unreachable": {
        this.offline = true;
        const tracked = this.tracked.get(id);
        if (!tracked) return;
        tracked.attempts = sent.attempts + 1;
        tracked.state = { state: "retrying", attempts: tracked.attempts, message: outcome.message };
        this.retryTimers.get(id)?.();
        const retry = () => {
          this.retryTimers.delete(id);
          const again = this.tracked.get(id);
          if (again && again.state.state === "retrying") again.state = { state: "pending" };
          this.emit();
          this.pump();
        };
        this.retryTimers.set(id, this.schedule(retry, retryDelayMs(tracked.attempts)));
        return;
      }
    }
  }

  private mark(id: string, state: ObjectSyncState): void {
    const tracked = this.tracked.get(id);
    if (tracked) tracked.state = state;
  }
  private async sendOtherImages(): Promise<void> {
    const { api, outbox, imageId, userId } = this.options;
    const result = await sendOtherImages({
      api,
      outbox,
      imageId,
      userId,
      onRemaining: (count) => {
        this.otherImages = count;
        this.emit();
      },
      shouldStop: () => this.authRequired || this.stopped,
    }).catch((error: unknown) => {
      this.options.onError?.(error);
      return "done" as const;
    });
    if (result === "unauthenticated") {
      this.authRequired = true;
      this.emit();
    }
  }

  private buildSnapshot(): SyncSnapshot {
    const objects = new Map<string, ObjectSyncState>();
    for (const [id, tracked] of this.tracked) objects.set(id, tracked.state);
    return { objects, authRequired: this.authRequired, offline: this.offline, otherImages: this.otherImages, savedCount: this.savedCount };
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}

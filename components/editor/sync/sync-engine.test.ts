import { describe, expect, it } from "vitest";
import { countForeground, decodeRleToMask, masksEqual } from "@/lib/mask";
import { objectFromDto, objectPayload } from "../core/annotation-codec";
import { deleteObjectOps, relabelOps, strokeOps } from "../core/commands";
import { EditorStore } from "../core/editor-store";
import { discMask, testObject } from "../core/test-helpers";
import type { EditorObject } from "../core/types";
import { FakeAnnotationServer } from "./fake-annotation-server";
import { MemoryOutboxStore } from "./outbox-store";
import { SyncEngine } from "./sync-engine";

const IMAGE = "img-1";

/** Timers that run only when the test says so. */
function manualTimers() {
  let queue: { fn: () => void; cancelled: boolean }[] = [];
  return {
    schedule: (fn: () => void) => {
      const timer = { fn, cancelled: false };
      queue.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    runAll() {
      const due = queue;
      queue = [];
      for (const t of due) if (!t.cancelled) t.fn();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function flush(timers: ReturnType<typeof manualTimers>, rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    timers.runAll();
    await settle();
  }
}

async function setup(options: { server?: FakeAnnotationServer; outbox?: MemoryOutboxStore; objects?: EditorObject[] } = {}) {
  const server = options.server ?? new FakeAnnotationServer();
  const outbox = options.outbox ?? new MemoryOutboxStore();
  const objects = options.objects ?? [...server.rows.values()].filter((r) => !r.deleted).map(objectFromDto);
  const store = new EditorStore({ width: 20, height: 20, objects });
  const timers = manualTimers();
  const engine = new SyncEngine({ imageId: IMAGE, taskId: null, userId: "me", store, api: server, outbox, schedule: timers.schedule, now: () => 0 });
  await engine.start();
  await flush(timers);
  return { server, outbox, store, timers, engine };
}

function commit(store: EditorStore, id: string, cx = 8) {
  store.edit([{ type: "add", object: testObject({ id, mask: discMask(20, 20, cx, 8, 3), order: store.getState().doc.objects.length + 1 }) }], { label: "Commit" });
}

describe("SyncEngine", () => {
  it("saves a committed object at once, records the server version, and empties the outbox", async () => {
    const { server, outbox, store, timers, engine } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    expect(server.calls).toEqual(["create obj-a"]);
    expect(store.getState().doc.objects[0]!.version).toBe(1);
    expect(outbox.entries.size).toBe(0);
    expect(engine.getSnapshot().objects.size).toBe(0);
    store.edit(relabelOps(store.getState().doc, "obj-a", "cat"), { label: "Relabel" });
    await flush(timers);
    expect(server.calls).toEqual(["create obj-a", "update obj-a@1"]);
    expect(server.rows.get("obj-a")).toMatchObject({ version: 2, labelClassId: "cat" });
  });

  it("needs no request when an edit is undone before it is saved", async () => {
    const { server, store, timers } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    store.edit(relabelOps(store.getState().doc, "obj-a", "cat"), { label: "Relabel" });
    store.undo();
    await flush(timers);
    expect(server.calls).toEqual(["create obj-a"]);
  });

  it("saves a brush stroke once, when the stroke ends", async () => {
    const { server, store, timers, engine } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    engine.hold();
    for (let x = 10; x < 16; x++) {
      const r = strokeOps({ doc: store.getState().doc, targetId: "obj-a", from: { x, y: 8 }, to: { x: x + 1, y: 8 }, radius: 1, value: 1, labelClassId: null, seconds: 0.05, firstPiece: x === 10, newId: () => "x" });
      store.edit(r!.ops, { label: "Brush", mergeKey: "s1" });
      await flush(timers);
    }
    engine.release();
    await flush(timers);
    expect(server.calls).toEqual(["create obj-a", "update obj-a@1"]);
    expect(masksEqual(decodeRleToMask(server.rows.get("obj-a")!.rle), store.getState().doc.objects[0]!.mask)).toBe(true);
  });

  it("shows a version conflict and keeps both copies until a person chooses; 'theirs' replaces mine", async () => {
    const { server, store, timers, engine, outbox } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    const theirs = server.writeAsOther({ id: "obj-a", imageId: IMAGE, payload: objectPayload(testObject({ id: "obj-a", mask: discMask(20, 20, 14, 14, 4) })) });
    store.edit(relabelOps(store.getState().doc, "obj-a", "mine"), { label: "Relabel" });
    await flush(timers);
    const state = engine.getSnapshot().objects.get("obj-a");
    expect(state).toMatchObject({ state: "conflict", current: { version: 2 } });
    expect(outbox.entries.size).toBe(1); // mine is still kept
    expect(store.getState().doc.objects[0]!.labelClassId).toBe("mine");
    engine.resolveConflict("obj-a", "theirs");
    await flush(timers);
    const shown = store.getState().doc.objects[0]!;
    expect(masksEqual(shown.mask, decodeRleToMask(theirs.rle))).toBe(true);
    expect(shown.version).toBe(2);
    expect(outbox.entries.size).toBe(0);
    expect(server.calls.filter((c) => c.startsWith("update"))).toEqual(["update obj-a@1"]);
    // Their change is not undoable here.
    store.undo();
    expect(masksEqual(store.getState().doc.objects[0]!.mask, decodeRleToMask(theirs.rle))).toBe(true);
  });

  it("'keep mine' saves mine on top of their version, also over their delete", async () => {
    const { server, store, timers, engine } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    const payload = objectPayload(store.getState().doc.objects[0]!);
    server.writeAsOther({ id: "obj-a", imageId: IMAGE, payload, deleted: true });
    store.edit(relabelOps(store.getState().doc, "obj-a", "mine"), { label: "Relabel" });
    await flush(timers);
    expect(engine.getSnapshot().objects.get("obj-a")).toMatchObject({ state: "conflict", current: { deleted: true } });
    engine.resolveConflict("obj-a", "mine");
    await flush(timers);
    expect(server.rows.get("obj-a")).toMatchObject({ version: 3, deleted: false, labelClassId: "mine", authorId: "me" });
    expect(engine.getSnapshot().objects.size).toBe(0);
  });

  it("retries while offline, keeps the work in the outbox, and sends it when back", async () => {
    const { server, store, timers, engine, outbox } = await setup();
    server.mode = "offline";
    commit(store, "obj-a");
    await flush(timers, 2);
    expect(engine.getSnapshot()).toMatchObject({ offline: true });
    expect(engine.getSnapshot().objects.get("obj-a")).toMatchObject({ state: "retrying" });
    expect(outbox.entries.size).toBe(1);
    await flush(timers, 4);
    expect(server.rows.size).toBe(0);
    server.mode = "up";
    engine.resume();
    await flush(timers);
    expect(server.rows.get("obj-a")?.version).toBe(1);
    expect(outbox.entries.size).toBe(0);
    expect(engine.getSnapshot().offline).toBe(false);
  });

  it("restores unsaved work after a reload (new engine, same outbox) and saves it", async () => {
    const server = new FakeAnnotationServer();
    const outbox = new MemoryOutboxStore();
    const first = await setup({ server, outbox });
    server.mode = "offline";
    commit(first.store, "obj-a");
    commit(first.store, "obj-b", 15);
    await flush(first.timers, 2);
    first.engine.stop();
    expect(outbox.entries.size).toBe(2);

    server.mode = "up";
    const second = await setup({ server, outbox });
    expect(second.store.getState().doc.objects.map((o) => o.id).sort()).toEqual(["obj-a", "obj-b"]);
    expect(server.rows.size).toBe(2);
    expect(outbox.entries.size).toBe(0);
    // Restored work is not an undo step of the new page.
    expect(second.store.getState().history.undo).toHaveLength(0);
  });

  it("pauses while signed out and sends after re-login", async () => {
    const { server, store, timers, engine, outbox } = await setup();
    server.mode = "signed-out";
    commit(store, "obj-a");
    await flush(timers);
    expect(engine.getSnapshot().authRequired).toBe(true);
    expect(outbox.entries.size).toBe(1);
    server.mode = "up";
    engine.resume();
    await flush(timers);
    expect(server.rows.get("obj-a")?.version).toBe(1);
    expect(engine.getSnapshot().authRequired).toBe(false);
  });

  it("a save whose answer was lost is recognised as ours, not shown as a conflict", async () => {
    const { server, store, timers, engine } = await setup();
    commit(store, "obj-a");
    await flush(timers);
    server.mode = "lose-response";
    store.edit(relabelOps(store.getState().doc, "obj-a", "cat"), { label: "Relabel" });
    await flush(timers, 1);
    server.mode = "up";
    store.edit(relabelOps(store.getState().doc, "obj-a", "dog"), { label: "Relabel" });
    await flush(timers);
    expect(engine.getSnapshot().objects.size).toBe(0);
    expect(server.rows.get("obj-a")).toMatchObject({ version: 3, labelClassId: "dog" });
  });

  it("deletes with the base version, and applies remote changes without making them undoable", async () => {
    const { server, store, timers, engine } = await setup();
    commit(store, "obj-a");
    commit(store, "obj-b", 15);
    await flush(timers);
    store.edit(deleteObjectOps(store.getState().doc, "obj-a"), { label: "Delete" });
    await flush(timers);
    expect(server.rows.get("obj-a")).toMatchObject({ deleted: true, version: 2 });

    const remote = server.writeAsOther({ id: "obj-b", imageId: IMAGE, payload: objectPayload(testObject({ id: "obj-b", mask: discMask(20, 20, 3, 3, 2) })) });
    engine.applyRemote(remote);
    const b = store.getState().doc.objects.find((o) => o.id === "obj-b")!;
    expect(b.version).toBe(2);
    expect(countForeground(b.mask)).toBe(countForeground(discMask(20, 20, 3, 3, 2)));
    engine.applyRemote({ ...remote, version: 1 }); // stale news is ignored
    expect(store.getState().doc.objects.find((o) => o.id === "obj-b")!.version).toBe(2);
    await flush(timers);
    expect(server.calls.filter((c) => c.includes("obj-b"))).toEqual(["create obj-b"]);
  });
});

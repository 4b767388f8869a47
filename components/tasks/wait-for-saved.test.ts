// "Submit" waits for the editor's saves: with the real sync engine over the
// in-memory annotation server (same version rules as the routes).
import { describe, expect, it } from "vitest";
import { EditorStore } from "@/components/editor/core/editor-store";
import { discMask, testObject } from "@/components/editor/core/test-helpers";
import type { ApiOutcome } from "@/components/editor/sync/annotation-api";
import { FakeAnnotationServer } from "@/components/editor/sync/fake-annotation-server";
import { MemoryOutboxStore } from "@/components/editor/sync/outbox-store";
import { SyncEngine } from "@/components/editor/sync/sync-engine";
import { waitForSaved } from "./wait-for-saved";

const LOST = "Your lease on this image expired or it was handed to someone else.";

class LeaseLostServer extends FakeAnnotationServer {
  override async create(): Promise<ApiOutcome> {
    return { kind: "blocked", status: 409, message: LOST };
  }
}

async function setup(server: FakeAnnotationServer) {
  const store = new EditorStore({ width: 20, height: 20, objects: [] });
  const outbox = new MemoryOutboxStore();
  // A long debounce: only flushNow() (called by waitForSaved) sends the edit in time.
  const engine = new SyncEngine({ imageId: "img", taskId: "task", userId: "me", store, api: server, outbox, debounceMs: 60_000 });
  await engine.start();
  store.edit([{ type: "add", object: testObject({ id: "a", mask: discMask(20, 20, 8, 8, 3), order: 1 }) }], { label: "Commit" });
  return { store, outbox, engine };
}

describe("waitForSaved", () => {
  it("flushes the pending edit and resolves once the server confirmed it", async () => {
    const server = new FakeAnnotationServer();
    const { engine, outbox } = await setup(server);
    expect(server.rows.size).toBe(0);
    await expect(waitForSaved(engine)).resolves.toEqual({ ok: true });
    expect(server.rows.get("a")?.version).toBe(1);
    expect(await outbox.list({ imageId: "img" })).toEqual([]);
    engine.stop();
  });

  it("stops at a refused save (lost lease) with its message; the change stays in the outbox", async () => {
    const { engine, outbox } = await setup(new LeaseLostServer());
    const outcome = await waitForSaved(engine);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toContain(LOST);
    expect((await outbox.list({ imageId: "img" })).map((entry) => entry.objectId)).toEqual(["a"]);
    engine.stop();
  });

  it("gives up after the timeout when the server cannot be reached, keeping the work", async () => {
    const server = new FakeAnnotationServer();
    server.mode = "offline";
    const { engine, outbox } = await setup(server);
    const outcome = await waitForSaved(engine, { timeoutMs: 200 });
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/1 change is not saved yet/) });
    expect(await outbox.list({ imageId: "img" })).toHaveLength(1);
    engine.stop();
  });
});

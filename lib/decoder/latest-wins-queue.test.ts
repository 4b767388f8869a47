import { describe, expect, it } from "vitest";
import { LatestWinsQueue } from "./latest-wins-queue";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("LatestWinsQueue", () => {
  it("runs one job at a time and keeps only the newest waiting job", async () => {
    const started: number[] = [];
    const dropped: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const queue = new LatestWinsQueue<number>(
      async (job) => {
        started.push(job);
        const gate = deferred();
        gates.set(job, gate);
        await gate.promise;
      },
      (job) => dropped.push(job),
    );
    queue.push(1);
    queue.push(2);
    queue.push(3);
    queue.push(4);
    expect(started).toEqual([1]);
    expect(dropped).toEqual([2, 3]);
    expect(queue.busy).toBe(true);
    gates.get(1)?.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 4]);
    gates.get(4)?.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(queue.busy).toBe(false);
    queue.push(5);
    expect(started).toEqual([1, 4, 5]);
  });

  it("keeps going after a job throws", async () => {
    const ran: number[] = [];
    const queue = new LatestWinsQueue<number>(
      async (job) => {
        ran.push(job);
        if (job === 1) throw new Error("boom");
      },
      () => undefined,
    );
    queue.push(1);
    queue.push(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(ran).toEqual([1, 2]);
    expect(queue.busy).toBe(false);
  });
});

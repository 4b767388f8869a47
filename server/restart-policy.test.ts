import { describe, expect, it } from "vitest";
import { RestartPolicy } from "./restart-policy";

describe("RestartPolicy", () => {
  it("restarts at once, then after growing pauses, and gives up after too many crashes in the window", () => {
    const policy = new RestartPolicy({ maxCrashes: 4, windowMs: 60_000, maxDelayMs: 3000 });
    expect([0, 1, 2, 3].map((s) => policy.next(s * 1000))).toEqual([{ delayMs: 0 }, { delayMs: 1000 }, { delayMs: 2000 }, { delayMs: 3000 }]);
    expect(policy.next(4000)).toBeNull();
  });

  it("forgets crashes older than the window", () => {
    const policy = new RestartPolicy({ maxCrashes: 2, windowMs: 10_000, maxDelayMs: 30_000 });
    expect(policy.next(0)).toEqual({ delayMs: 0 });
    expect(policy.next(1000)).toEqual({ delayMs: 1000 });
    expect(policy.next(20_000)).toEqual({ delayMs: 0 });
  });
});

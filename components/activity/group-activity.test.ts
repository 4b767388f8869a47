import { describe, expect, it } from "vitest";
import type { ActivityItem } from "@/lib/schemas/activity";
import { describeRun, groupActivity } from "./group-activity";

let seq = 0;
const event = (action: string, actorId: string | null): ActivityItem => ({
  id: `e${++seq}`,
  at: "2026-12-07T10:00:00.000Z",
  actor: actorId ? { id: actorId, name: actorId } : null,
  action,
  data: {},
  subject: {},
});

describe("groupActivity", () => {
  it("joins runs of one action by one person, and leaves short runs and mixed neighbours alone", () => {
    const items = [
      ...Array.from({ length: 4 }, () => event("image.import", "ada")),
      event("image.import", "max"),
      event("review.accept", "rey"),
      event("review.accept", "rey"),
      ...Array.from({ length: 3 }, () => event("task.lease_expired", null)),
    ];
    const groups = groupActivity(items);
    expect(groups.map((g) => [g.items[0]!.action, g.items.length])).toEqual([
      ["image.import", 4],
      ["image.import", 1],
      ["review.accept", 1],
      ["review.accept", 1],
      ["task.lease_expired", 3],
    ]);
    expect(groups.flatMap((g) => g.items)).toEqual(items);
    expect(describeRun(groups[0]!)).toBe("imported 4 images");
    expect(describeRun(groups[4]!)).toBe("— 3 leases ran out; their images went back to the pool");
    expect(describeRun({ key: "x", items: [event("batch.update", "max"), event("batch.update", "max"), event("batch.update", "max")] })).toBe("batch.update × 3");
  });
});

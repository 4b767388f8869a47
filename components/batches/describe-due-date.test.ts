import { describe, expect, it } from "vitest";
import { describeDueDate } from "./describe-due-date";

describe("describeDueDate", () => {
  const today = "2026-12-07";
  it("counts the days to go, and calls the last two out", () => {
    expect(describeDueDate({ dueOn: "2026-12-17", today, openImages: 3 })).toEqual({ text: "due in 10 days (2026-12-17)", tone: "neutral" });
    expect(describeDueDate({ dueOn: "2026-12-08", today, openImages: 3 })).toEqual({ text: "due tomorrow (2026-12-08)", tone: "soon" });
    expect(describeDueDate({ dueOn: today, today, openImages: 1 })).toEqual({ text: "due today (2026-12-07)", tone: "soon" });
    // Across a month and a year end.
    expect(describeDueDate({ dueOn: "2027-01-03", today, openImages: 1 }).text).toBe("due in 27 days (2027-01-03)");
  });

  it("marks a batch late only while it still has open work", () => {
    expect(describeDueDate({ dueOn: "2026-12-06", today, openImages: 2 })).toEqual({ text: "overdue by 1 day (due 2026-12-06)", tone: "late" });
    expect(describeDueDate({ dueOn: "2026-11-30", today, openImages: 2 })).toEqual({ text: "overdue by 7 days (due 2026-11-30)", tone: "late" });
    expect(describeDueDate({ dueOn: "2026-11-30", today, openImages: 0 })).toEqual({ text: "due 2026-11-30, nothing left to label", tone: "neutral" });
  });
});

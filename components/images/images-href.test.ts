import { describe, expect, it } from "vitest";
import { annotateHref, imagesHref, isFilteredView, pageWindow } from "./images-href";

describe("imagesHref", () => {
  it("keeps only the filters that are set, and page 1 implicit", () => {
    expect(imagesHref("p1", {})).toBe("/projects/p1?tab=images");
    expect(imagesHref("p1", { status: "accepted", q: "dog %5", page: 3 })).toBe("/projects/p1?tab=images&status=accepted&q=dog+%255&page=3");
    expect(imagesHref("p1", { q: "", page: 1 })).toBe("/projects/p1?tab=images");
    expect(imagesHref("p1", { sort: "name_desc", page: 2 })).toBe("/projects/p1?tab=images&sort=name_desc&page=2");
    expect(imagesHref("p1", { sort: "oldest" })).toBe("/projects/p1?tab=images");
    expect(imagesHref("p1", { annotator: "u7", label: "none", sort: "masks_desc", status: "todo", page: 2 })).toBe(
      "/projects/p1?tab=images&status=todo&label=none&annotator=u7&sort=masks_desc&page=2",
    );
  });

  it("tells a narrowed view from a merely ordered one", () => {
    expect(isFilteredView({ sort: "name" })).toBe(false);
    expect(isFilteredView({ label: "c1" })).toBe(true);
    expect(isFilteredView({ annotator: "u1" })).toBe(true);
    expect(isFilteredView({ issue: "tiny" })).toBe(true);
    expect(isFilteredView({ attr: "weather=rain" })).toBe(true);
    expect(imagesHref("p1", { attr: "blurry=yes", label: "c1" })).toBe("/projects/p1?tab=images&label=c1&attr=blurry%3Dyes");
    expect(imagesHref("p1", { issue: "duplicate", sort: "name" })).toBe("/projects/p1?tab=images&issue=duplicate&sort=name");
  });
});

describe("annotateHref", () => {
  it("carries the view's filters, but not its page", () => {
    expect(annotateHref("p1", "i9", {})).toBe("/projects/p1/annotate/i9");
    expect(annotateHref("p1", "i9", { status: "rejected", q: "cat_" })).toBe("/projects/p1/annotate/i9?status=rejected&q=cat_");
    expect(annotateHref("p1", "i9", { sort: "newest" })).toBe("/projects/p1/annotate/i9?sort=newest");
    expect(annotateHref("p1", "i9", { label: "c1", annotator: "u2" })).toBe("/projects/p1/annotate/i9?label=c1&annotator=u2");
  });
});

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it("marks skipped runs with a gap and always offers the first and last page", () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it("offers nothing for an empty result", () => {
    expect(pageWindow(1, 0)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { EMPTY_SELECTION, parseSelection, removeImages, selectedMaskCount, serializeSelection, setImages, toggleImage } from "./image-selection";

const a = { id: "a", fileName: "a.png", maskCount: 2 };
const b = { id: "b", fileName: "b.png", maskCount: 0 };

describe("image selection", () => {
  it("toggles one image without touching the selection it came from", () => {
    const one = toggleImage(EMPTY_SELECTION, "a", a);
    expect([...one.keys()]).toEqual(["a"]);
    expect(EMPTY_SELECTION.size).toBe(0);
    expect(toggleImage(one, "a", a).size).toBe(0);
  });

  it("selects and unselects a page at once, and counts the masks that would go", () => {
    const both = setImages(EMPTY_SELECTION, [a, b], true);
    expect([...both.keys()]).toEqual(["a", "b"]);
    expect(selectedMaskCount(both)).toBe(2);
    expect([...setImages(both, [a], false).keys()]).toEqual(["b"]);
    expect([...removeImages(both, ["b", "zzz"]).keys()]).toEqual(["a"]);
  });

  it("survives a round trip through storage and ignores anything malformed", () => {
    const both = setImages(EMPTY_SELECTION, [a, b], true);
    expect(parseSelection(serializeSelection(both))).toEqual(both);
    expect(parseSelection(null).size).toBe(0);
    expect(parseSelection("{oops").size).toBe(0);
    expect(parseSelection(JSON.stringify({ a: 1 })).size).toBe(0);
    expect([...parseSelection(JSON.stringify([["a", { fileName: "a.png", maskCount: 1 }], ["b", { fileName: 3 }], "c"])).keys()]).toEqual(["a"]);
  });
});

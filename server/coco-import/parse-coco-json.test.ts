// Python-style non-finite numbers are read only outside strings, so names
// that contain "NaN" or "Infinity" are left alone.
import { describe, expect, it } from "vitest";
import { parseCocoJson } from "./parse-coco-json";

const text = `{"images":[{"id":1,"file_name":"NaN \\"Infinity\\".png","width":2,"height":2}],
"categories":[{"id":1,"name":"-Infinity"}],
"annotations":[{"id":1,"image_id":1,"category_id":1,"segmentation":[[0,0,NaN,0,-Infinity,2,Infinity,1]]}]}`;

describe("parseCocoJson", () => {
  it("reads NaN/Infinity tokens as numbers and leaves strings untouched", () => {
    const parsed = parseCocoJson({ bytes: Buffer.from(text) });
    expect(parsed.images[0]?.file_name).toBe('NaN "Infinity".png');
    expect(parsed.categories[0]?.name).toBe("-Infinity");
    expect(parsed.annotations[0]?.segmentation).toEqual([[0, 0, NaN, 0, -Infinity, 2, Infinity, 1]]);
  });

  it("reports broken JSON and non-COCO shapes with a reason", () => {
    expect(() => parseCocoJson({ bytes: Buffer.from("{\"images\": [") })).toThrow(/not valid JSON/);
    expect(() => parseCocoJson({ bytes: Buffer.from('{"images": [], "categories": [{"id": 1.5, "name": "x"}]}') })).toThrow(/categories\.0\.id/);
    expect(() => parseCocoJson({ bytes: Buffer.from("{}"), maxBytes: 1 })).toThrow(/limit/);
  });
});

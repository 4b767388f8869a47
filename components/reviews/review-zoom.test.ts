import { describe, expect, it } from "vitest";
import { FITTED, MAX_SCALE, panBy, zoomAt } from "./review-zoom";

const frame = { width: 800, height: 600 };

describe("review zoom", () => {
  it("keeps the point under the cursor in place while zooming", () => {
    const view = zoomAt(FITTED, 2, { x: 200, y: 150 }, frame);
    expect(view).toEqual({ scale: 2, x: -200, y: -150 });
    // The picture point under (200, 150) was (200, 150) at scale 1 and is again.
    expect((200 - view.x) / view.scale).toBe(200);
    expect(zoomAt(view, 0.5, { x: 200, y: 150 }, frame)).toEqual(FITTED);
  });

  it("stays between the fitted size and the maximum, covering the frame", () => {
    expect(zoomAt(FITTED, 0.25, { x: 10, y: 10 }, frame)).toEqual(FITTED);
    expect(zoomAt(FITTED, 1000, { x: 0, y: 0 }, frame).scale).toBe(MAX_SCALE);
    // Zooming at the bottom-right corner keeps that corner in view, not beyond it.
    expect(zoomAt(FITTED, 2, { x: 800, y: 600 }, frame)).toEqual({ scale: 2, x: -800, y: -600 });
  });

  it("pans only as far as the picture reaches", () => {
    const zoomed = zoomAt(FITTED, 2, { x: 400, y: 300 }, frame);
    expect(panBy(zoomed, 1000, 1000, frame)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(zoomed, -1000, -1000, frame)).toEqual({ scale: 2, x: -800, y: -600 });
    expect(panBy(FITTED, 50, 50, frame)).toEqual(FITTED);
  });
});

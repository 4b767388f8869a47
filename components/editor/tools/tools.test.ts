import { describe, expect, it } from "vitest";
import { BRUSH_IDLE, brushDown, brushMove, brushUp } from "./brush-tool";
import { HoverScheduler } from "./hover-preview";
import type { PointerInput } from "./pointer-input";
import { POLYGON_IDLE, closePolygon, polygonDown, polygonMove, polygonUp, removeLastVertex, type PolygonValue } from "./polygon-tool";
import { resolveShortcut, SHORTCUT_GROUPS } from "./shortcuts";
import { SMART_IDLE, smartCancel, smartDown, smartMove, smartUp } from "./smart-tool";
import { fitViewport, imageToScreen, screenToImage, zoomAt } from "./viewport";

function input(x: number, y: number, overrides: Partial<PointerInput> = {}): PointerInput {
  return { x, y, screenX: x, screenY: y, button: 0, shift: false, alt: false, at: 0, ...overrides };
}

describe("smart tool", () => {
  it("adds an object point on left press, a background point on right press or Shift", () => {
    expect(smartDown(SMART_IDLE, input(3, 4, { at: 7 })).actions).toEqual([{ kind: "point", point: { x: 3, y: 4, positive: true }, at: 7 }]);
    expect(smartDown(SMART_IDLE, input(3, 4, { button: 2 })).actions[0]).toMatchObject({ point: { positive: false } });
    expect(smartDown(SMART_IDLE, input(3, 4, { shift: true })).actions[0]).toMatchObject({ point: { positive: false } });
    expect(smartDown(SMART_IDLE, input(3, 4, { button: 1 })).actions).toEqual([]);
  });

  it("turns a left drag into a box prompt, taking the press's point back", () => {
    let step = smartDown(SMART_IDLE, input(10, 10));
    step = smartMove(step.state, input(12, 11));
    expect(step.actions).toEqual([]); // under the drag threshold: still a click
    step = smartMove(step.state, input(40, 30));
    expect(step.actions).toEqual([{ kind: "retractPoint" }, { kind: "boxPreview", box: { x0: 10, y0: 10, x1: 40, y1: 30 } }]);
    step = smartMove(step.state, input(5, 50));
    expect(step.actions).toEqual([{ kind: "boxPreview", box: { x0: 5, y0: 10, x1: 10, y1: 50 } }]);
    step = smartUp(step.state, input(5, 50, { at: 99 }));
    expect(step.actions).toEqual([{ kind: "boxPreview", box: null }, { kind: "box", box: { x0: 5, y0: 10, x1: 10, y1: 50 }, at: 99 }]);
    expect(step.state).toEqual(SMART_IDLE);
  });

  it("never makes a box from a right drag, and drops a box when the pointer is lost", () => {
    let step = smartDown(SMART_IDLE, input(10, 10, { button: 2 }));
    step = smartMove(step.state, input(80, 80, { button: 2 }));
    expect(step.actions).toEqual([]);
    step = smartDown(SMART_IDLE, input(10, 10));
    step = smartMove(step.state, input(80, 80));
    expect(smartCancel(step.state).actions).toEqual([{ kind: "boxPreview", box: null }]);
  });
});

describe("hover preview scheduler", () => {
  function harness() {
    let clock = 0;
    const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
    const requests: [number, number, number][] = [];
    let clears = 0;
    const scheduler = new HoverScheduler({
      restMs: 150,
      minIntervalMs: 400,
      now: () => clock,
      schedule: (fn, ms) => {
        const timer = { at: clock + ms, fn, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
      request: (x, y, generation) => requests.push([x, y, generation]),
      clear: () => clears++,
    });
    const advance = (ms: number) => {
      clock += ms;
      for (const timer of timers.filter((t) => !t.cancelled && t.at <= clock)) {
        timer.cancelled = true;
        timer.fn();
      }
    };
    return { scheduler, requests, advance, clears: () => clears };
  }

  it("requests a decode only once the cursor rests, and cancels on every move", () => {
    const h = harness();
    h.scheduler.move(1, 1);
    h.advance(100);
    h.scheduler.move(2, 2); // moved before resting: the first request never happens
    h.advance(100);
    expect(h.requests).toEqual([]);
    h.advance(60);
    expect(h.requests.map(([x, y]) => [x, y])).toEqual([[2, 2]]);
    const generation = h.requests[0]![2];
    expect(h.scheduler.isCurrent(generation)).toBe(true);
    h.scheduler.move(3, 3); // an answer arriving now is stale, and the shown preview is cleared
    expect(h.scheduler.isCurrent(generation)).toBe(false);
    expect(h.clears()).toBeGreaterThanOrEqual(3);
  });

  it("throttles requests and stays quiet while disabled", () => {
    const h = harness();
    h.scheduler.move(1, 1);
    h.advance(150);
    h.scheduler.move(5, 5);
    h.advance(150); // rest reached, but the throttle (400 ms since the last request) is not
    expect(h.requests).toHaveLength(1);
    h.advance(100);
    expect(h.requests).toHaveLength(1);
    h.advance(150); // 400 ms after the first request
    expect(h.requests).toHaveLength(2);
    h.scheduler.setEnabled(false);
    h.scheduler.move(9, 9);
    h.advance(1000);
    expect(h.requests).toHaveLength(2);
  });
});

describe("brush tool", () => {
  it("emits a dab on press, segments on moves, and one end", () => {
    let step = brushDown(BRUSH_IDLE, input(1, 1, { at: 0 }), { strokeId: 7, erase: false });
    expect(step.actions).toEqual([{ kind: "segment", strokeId: 7, from: { x: 1, y: 1 }, to: { x: 1, y: 1 }, value: 1, seconds: 0, first: true }]);
    step = brushMove(step.state, input(4, 1, { at: 500 }));
    expect(step.actions).toEqual([{ kind: "segment", strokeId: 7, from: { x: 1, y: 1 }, to: { x: 4, y: 1 }, value: 1, seconds: 0.5, first: false }]);
    expect(brushUp(step.state).actions).toEqual([{ kind: "end", strokeId: 7 }]);
  });

  it("erases with the eraser, or with Alt held on the brush", () => {
    expect(brushDown(BRUSH_IDLE, input(1, 1), { strokeId: 1, erase: true }).actions[0]).toMatchObject({ value: 0 });
    expect(brushDown(BRUSH_IDLE, input(1, 1, { alt: true }), { strokeId: 1, erase: false }).actions[0]).toMatchObject({ value: 0 });
    expect(brushDown(BRUSH_IDLE, input(1, 1, { alt: true }), { strokeId: 1, erase: true }).actions[0]).toMatchObject({ value: 1 });
  });
});

describe("polygon tool", () => {
  const square: PolygonValue = { vertices: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }], closed: false };

  it("adds vertices, and closes on the first vertex", () => {
    const first = polygonDown(POLYGON_IDLE, null, input(0, 0), 1);
    expect(first.actions[0]!.polygon).toEqual({ vertices: [{ x: 0, y: 0 }], closed: false });
    const more = polygonDown(POLYGON_IDLE, square, input(0, 10), 1);
    expect(more.actions[0]).toMatchObject({ addedVertex: true, polygon: { closed: false } });
    expect(more.actions[0]!.polygon.vertices).toHaveLength(4);
    const close = polygonDown(POLYGON_IDLE, square, input(1, 1), 1);
    expect(close.actions[0]).toEqual({ kind: "change", polygon: { vertices: square.vertices, closed: true }, addedVertex: false });
  });

  it("drags the vertex grabbed on a closed polygon", () => {
    const closed = { ...square, closed: true };
    const grab = polygonDown(POLYGON_IDLE, closed, input(10.5, 9.5), 1);
    expect(grab.state).toEqual({ phase: "dragging", index: 2 });
    const moved = polygonMove(grab.state, closed, input(20, 20));
    expect(moved.actions[0]!.polygon.vertices[2]).toEqual({ x: 20, y: 20 });
    expect(polygonUp(moved.state).state).toEqual(POLYGON_IDLE);
    // The hit radius is in screen pixels (8): 7 image pixels away hits at 1x, misses zoomed in 4x.
    expect(polygonDown(POLYGON_IDLE, closed, input(15, 15), 1).state).toEqual({ phase: "dragging", index: 2 });
    expect(polygonDown(POLYGON_IDLE, closed, input(15, 15), 4).state).toEqual(POLYGON_IDLE);
  });

  it("closes with Enter and removes the last vertex with Backspace", () => {
    expect(closePolygon(square)).toEqual({ ...square, closed: true });
    expect(closePolygon({ vertices: square.vertices.slice(0, 2), closed: false })).toBeNull();
    expect(removeLastVertex(square)?.vertices).toHaveLength(2);
  });
});

describe("shortcuts", () => {
  const key = (k: string, extra: Partial<Parameters<typeof resolveShortcut>[0]> = {}) =>
    resolveShortcut({ key: k, code: /^[0-9]$/.test(k) ? `Digit${k}` : "", ctrl: false, meta: false, shift: false, alt: false, ...extra });

  it("maps keys to commands", () => {
    expect(key("z", { ctrl: true })).toEqual({ type: "undo" });
    expect(key("Z", { ctrl: true, shift: true })).toEqual({ type: "redo" });
    expect(key("z", { meta: true })).toEqual({ type: "undo" });
    expect(key("Enter")).toEqual({ type: "commit", mode: "new" });
    expect(key("Enter", { shift: true })).toEqual({ type: "commit", mode: "merge" });
    expect(key("Enter", { alt: true })).toEqual({ type: "commit", mode: "subtract" });
    expect(key("3")).toEqual({ type: "label", index: 2 });
    expect(key("0")).toEqual({ type: "label", index: 9 });
    expect(key("!", { code: "Digit1", shift: true })).toEqual({ type: "label", index: 0 });
    expect(key("[")).toEqual({ type: "brushSize", step: -1 });
    expect(key("B")).toEqual({ type: "tool", tool: "brush" });
    expect(key("c")).toEqual({ type: "cycleCandidate", step: 1 });
    expect(key("n")).toEqual({ type: "nextImage", step: 1 });
    expect(key("?", { shift: true })).toEqual({ type: "help" });
    expect(key("ArrowUp", { alt: true })).toEqual({ type: "moveObject", direction: 1 });
    expect(key("A", { shift: true })).toEqual({ type: "acceptPrefill", all: true });
    expect(key("a")).toEqual({ type: "acceptPrefill", all: false });
    expect(key("H", { shift: true })).toEqual({ type: "togglePrefillLayer" });
    expect(key("h")).toEqual({ type: "toggleHidden" });
    expect(key("u")).toEqual({ type: "toggleUncovered" });
    expect(key("O")).toEqual({ type: "cycleMaskOpacity" });
    expect(key("q")).toBeNull();
  });

  it("documents every command in the overlay", () => {
    const text = SHORTCUT_GROUPS.flatMap((g) => g.items.map((i) => i.keys)).join(" ");
    for (const keys of ["Enter", "Esc", "Ctrl+Z", "Ctrl+Shift+Z", "[ / ]", "C / Shift+C", "N / Shift+N", "?", "1-9", "Shift+A", "Shift+H", "U"]) expect(text).toContain(keys);
  });
});

describe("viewport", () => {
  it("fits the image centred and converts between screen and image pixels", () => {
    const v = fitViewport({ image: { width: 960, height: 640 }, stage: { width: 500, height: 500 }, padding: 10 });
    expect(v.scale).toBeCloseTo(0.5);
    expect(v.x).toBeCloseTo(10);
    expect(v.y).toBeCloseTo(90);
    const p = { x: 123, y: 45 };
    const back = screenToImage(v, imageToScreen(v, p));
    expect(back.x).toBeCloseTo(123);
    expect(back.y).toBeCloseTo(45);
  });

  it("zooms around the cursor", () => {
    const v = { scale: 1, x: 0, y: 0 };
    const zoomed = zoomAt(v, 2, { x: 100, y: 50 });
    expect(screenToImage(zoomed, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
    expect(zoomed.scale).toBe(2);
  });
});

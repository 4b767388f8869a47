import { describe, expect, it } from "vitest";
import { countForeground } from "@/lib/mask";
import type { DecodeOutcome } from "@/components/sam/decoder-client";
import type { DecodePrompt } from "@/lib/decoder/protocol";
import { EditorStore } from "../core/editor-store";
import type { PointerInput } from "../tools/pointer-input";
import { EditorController } from "./editor-controller";

const SIZE = 8; // low-res side; the "model input" is 32 px, the image 32x32

/** A fake decoder: 4 candidates; candidate k covers the top-left (k+2)x(k+2) low-res cells. */
function fakeDecoder() {
  const prompts: DecodePrompt[] = [];
  const decode = async (prompt: DecodePrompt): Promise<DecodeOutcome> => {
    prompts.push(prompt);
    const masks = new Float32Array(4 * SIZE * SIZE).fill(-1);
    for (let k = 0; k < 4; k++) for (let y = 0; y < k + 2; y++) for (let x = 0; x < k + 2; x++) masks[k * SIZE * SIZE + y * SIZE + x] = 1;
    const chosenIndex = prompt.points.length + (prompt.box ? 2 : 0) > 1 ? 0 : 3;
    return {
      status: "done",
      result: {
        requestId: prompts.length,
        key: "k",
        lowResSize: SIZE,
        maskCount: 4,
        masks,
        ious: new Float32Array([0.5, 0.6, 0.7, 0.9]),
        chosenIndex,
        chosenMask: masks.subarray(chosenIndex * SIZE * SIZE, (chosenIndex + 1) * SIZE * SIZE),
        chosenIou: 0.9,
        timings: { waitMs: 0, runMs: 1, totalMs: 1, roundTripMs: 2 },
      },
    };
  };
  return { prompts, decode };
}

function at(x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput {
  return { x, y, screenX: x, screenY: y, button: 0, shift: false, alt: false, at: 0, ...extra };
}

function setup() {
  const store = new EditorStore({ width: 32, height: 32, activeLabelId: "cat" });
  const { prompts, decode } = fakeDecoder();
  let held = 0;
  let n = 0;
  const controller = new EditorController({
    store,
    model: { id: "fake", inputSize: 32 },
    labels: [{ id: "cat" }, { id: "dog" }],
    newId: () => `obj-${++n}`,
    now: () => 1000 * n,
  });
  controller.connect({ decode, ready: true, editable: true, holdSaves: () => held++, releaseSaves: () => held-- });
  return { store, controller, prompts, held: () => held };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("EditorController", () => {
  it("decodes on pointerdown, feeds the previous mask back on the next click, and commits with Enter", async () => {
    const { store, controller, prompts } = setup();
    controller.pointerDown(at(2, 2), 1);
    controller.pointerUp(at(2, 2));
    await settle();
    expect(prompts[0]).toMatchObject({ points: [{ x: 2, y: 2, positive: true }], maskInput: null });
    expect(store.getState().draft?.shape).toMatchObject({ kind: "smart", selected: 3, pending: false });

    controller.pointerDown(at(20, 20, { button: 2 }), 1);
    controller.pointerUp(at(20, 20, { button: 2 }));
    await settle();
    expect(prompts[1]!.points).toEqual([{ x: 2, y: 2, positive: true }, { x: 20, y: 20, positive: false }]);
    // The previous answer's selected candidate (index 3: 5x5 cells) went back in as mask input.
    expect(Array.from(prompts[1]!.maskInput ?? []).filter((v) => v > 0)).toHaveLength(25);

    controller.command({ type: "commit", mode: "new" });
    await settle();
    const [object] = store.getState().doc.objects;
    expect(object).toMatchObject({ id: "obj-1", labelClassId: "cat" });
    // Candidate 0 (2x2 cells of 4 px) = 8x8 image pixels, give or take the bilinear edge.
    expect(countForeground(object!.mask)).toBeGreaterThan(40);
    expect(countForeground(object!.mask)).toBeLessThan(90);
    expect(object!.telemetry).toMatchObject({ clicks: 2, toolsUsed: ["smart_click"], modelId: "fake" });
    expect(store.getState().draft).toBeNull();
    expect(store.getState().selectedId).toBe("obj-1");
  });

  it("turns a drag into a box prompt and cycles candidates with C", async () => {
    const { store, controller, prompts } = setup();
    controller.pointerDown(at(1, 1), 1);
    controller.pointerMove(at(12, 12));
    controller.pointerUp(at(14, 14));
    await settle();
    expect(prompts.at(-1)).toMatchObject({ points: [], box: { x0: 1, y0: 1, x1: 14, y1: 14 } });
    expect(store.getState().draft?.telemetry.tools).toEqual(["box"]);
    const before = store.getState().draft?.shape;
    controller.command({ type: "cycleCandidate", step: 1 });
    expect(store.getState().draft?.shape).not.toEqual(before);
  });

  it("paints on the selected object with one undo step per stroke, holding saves meanwhile; a draft is committed first", async () => {
    const { store, controller, held } = setup();
    controller.pointerDown(at(2, 2), 1);
    controller.pointerUp(at(2, 2));
    await settle();
    controller.command({ type: "tool", tool: "brush" });
    controller.pointerDown(at(20, 20), 1);
    expect(held()).toBe(1);
    controller.pointerMove(at(24, 20));
    controller.pointerMove(at(28, 20));
    controller.pointerUp(at(28, 20));
    expect(held()).toBe(0);
    const objects = store.getState().doc.objects;
    expect(objects).toHaveLength(1);
    expect(objects[0]!.mask.data[20 * 32 + 26]).toBe(1);
    expect(objects[0]!.telemetry.toolsUsed).toEqual(["smart_click", "brush"]);
    expect(store.getState().history.undo.map((e) => e.label)).toEqual(["Commit object", "Brush stroke"]);
    controller.command({ type: "undo" });
    expect(store.getState().doc.objects[0]!.mask.data[20 * 32 + 26]).toBe(0);
  });

  it("draws, closes, drags and commits a polygon; Ctrl+Z while prompting takes back the last vertex", () => {
    const { store, controller } = setup();
    controller.command({ type: "tool", tool: "polygon" });
    // Zoomed in 4x: the 8-screen-pixel hit radius is 2 image pixels.
    for (const [x, y] of [[4, 4], [20, 4], [20, 12], [30, 30]] as const) controller.pointerDown(at(x, y), 4);
    controller.command({ type: "undo" });
    controller.pointerDown(at(4, 12), 4);
    controller.pointerDown(at(4.5, 4.5), 4); // on the first vertex: closes
    expect(store.getState().draft?.shape).toMatchObject({ kind: "polygon", closed: true });
    controller.pointerDown(at(20, 12), 4); // grab a vertex and drag it
    controller.pointerMove(at(20, 16));
    controller.pointerUp(at(20, 16));
    expect(store.getState().draft?.shape).toEqual({ kind: "polygon", closed: true, vertices: [{ x: 4, y: 4 }, { x: 20, y: 4 }, { x: 20, y: 16 }, { x: 4, y: 12 }] });
    return controller.commit("new").then(() => {
      const object = store.getState().doc.objects[0]!;
      // Pixel centres inside the trapezoid: 16 columns of 8..12 rows.
      expect(countForeground(object.mask)).toBe(160);
      // Five clicks were made (one vertex was taken back): telemetry counts effort, not vertices.
      expect(object.telemetry).toMatchObject({ clicks: 5, toolsUsed: ["polygon"] });
    });
  });

  it("relabels the selected object with a number key, and refuses to leave with a mask in progress", async () => {
    const navigated: number[] = [];
    const { store, controller } = setup();
    controller.connect({ onNavigate: (step) => navigated.push(step) });
    controller.pointerDown(at(2, 2), 1);
    await settle();
    controller.command({ type: "nextImage", step: 1 });
    expect(navigated).toEqual([]);
    expect(store.getState().notice).toMatch(/Commit/);
    await controller.commit("new");
    controller.command({ type: "label", index: 1 });
    expect(store.getState().doc.objects[0]!.labelClassId).toBe("dog");
    expect(store.getState().activeLabelId).toBe("dog");
    controller.command({ type: "nextImage", step: 1 });
    expect(navigated).toEqual([1]);
  });

  it("steps the mask opacity with O, in view-only mode too, and wraps back to full", () => {
    const { store, controller } = setup();
    controller.connect({ editable: false });
    const seen = [1, 2, 3, 4].map(() => {
      controller.command({ type: "cycleMaskOpacity" });
      return store.getState().maskOpacity;
    });
    expect(seen).toEqual([0.6, 0.3, 1, 0.6]);
    // A slider value between steps goes to the next lower step.
    store.setMaskOpacity(0.45);
    controller.command({ type: "cycleMaskOpacity" });
    expect(store.getState().maskOpacity).toBe(0.3);
  });
});

"use client";
// The Konva stage: image, object overlays, the draft (low-res preview,
// prompts, box, polygon), hover preview and brush cursor. Pointer input is
// read on the container (image coordinates via the viewport) and handed to
// the controller; zoom and pan (wheel, Space+drag, middle drag, F) live here.
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type PointerEvent, type Ref, type WheelEvent } from "react";
import type Konva from "konva";
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage } from "react-konva";
import { lowResMaskPixels } from "@/components/sam/low-res-mask-image";
import { computeResizeGeometry } from "@/lib/sam/prompt-transform";
import type { EditorController } from "../controller/editor-controller";
import { selectedLogits } from "../core/draft";
import type { EditorState } from "../core/editor-store";
import { isPendingPrefill } from "../core/prefill";
import type { PointerInput } from "../tools/pointer-input";
import { fitViewport, panBy, screenToImage, wheelZoomFactor, zoomAt, type Viewport } from "../tools/viewport";
import { objectColor } from "./colors";
import { renderUncovered } from "./coverage-render";
import { renderLowRes, renderMask } from "./mask-render";
import { adjustedImage } from "./adjusted-image";
import { isTextField } from "@/components/ui/is-text-field";
import { useImageElement, useStageSize } from "./use-stage";

export interface ViewportHandle {
  fit(): void;
  zoom(factor: number): void;
  scale(): number;
}

declare global {
  interface Window {
    /** pointerdown -> mask drawn, for the e2e test and the click-to-mask measurement. */
    __maskwrightEditorDecode?: { ms: number; count: number; iou: number; runMs: number; roundTripMs: number };
  }
}

const DRAFT_FILL = [37, 99, 235, 120] as const;
const DRAFT_EDGE = [29, 78, 216, 240] as const;
const HOVER_FILL = [37, 99, 235, 60] as const;
const HOVER_EDGE = [37, 99, 235, 150] as const;

export function EditorCanvas({
  state,
  controller,
  imageUrl,
  labels,
  inputSize,
  handleRef,
}: {
  state: EditorState;
  controller: EditorController;
  imageUrl: string;
  labels: readonly { id: string; color: string }[];
  inputSize: number;
  handleRef: Ref<ViewportHandle>;
}) {
  const { doc, draft, hover, boxPreview, selectedId, tool, brushRadius, prefillLayerVisible, uncovered, maskOpacity, imageAdjust } = state;
  const containerRef = useRef<HTMLDivElement>(null);
  const stageSize = useStageSize(containerRef);
  const image = useImageElement(imageUrl);
  const shownImage = useMemo(() => image && adjustedImage(image, imageAdjust), [image, imageAdjust]);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [isPanning, setIsPanning] = useState(false);
  const panning = useRef<{ x: number; y: number } | null>(null);
  const cursorRef = useRef<Konva.Circle>(null);
  const decodeCount = useRef(0);
  const geometry = useMemo(() => computeResizeGeometry({ width: doc.width, height: doc.height, inputSize }), [doc.width, doc.height, inputSize]);

  const fit = useCallback(() => {
    if (stageSize.width > 0) setViewport(fitViewport({ image: doc, stage: stageSize }));
  }, [doc, stageSize]);
  // Fit once the stage has a size; later resizes keep the person's zoom.
  if (viewport === null && stageSize.width > 0) setViewport(fitViewport({ image: doc, stage: stageSize }));
  const vp = viewport ?? { scale: 1, x: 0, y: 0 };

  useImperativeHandle(handleRef, () => ({
    fit,
    zoom: (factor) => setViewport((v) => v && zoomAt(v, factor, { x: stageSize.width / 2, y: stageSize.height / 2 })),
    scale: () => vp.scale,
  }), [fit, stageSize, vp.scale]);

  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      if (event.code === "Space" && !isTextField(event.target)) {
        event.preventDefault();
        setSpaceHeld(true);
      }
    };
    const up = (event: KeyboardEvent) => event.code === "Space" && setSpaceHeld(false);
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, []);

  const toInput = (event: PointerEvent<HTMLDivElement>): PointerInput => {
    const rect = event.currentTarget.getBoundingClientRect();
    const screen = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    const p = screenToImage(vp, screen);
    return { x: p.x, y: p.y, screenX: screen.x, screenY: screen.y, button: event.button, shift: event.shiftKey, alt: event.altKey, at: event.timeStamp || performance.now() };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    if (spaceHeld || event.button === 1) {
      panning.current = { x: event.clientX, y: event.clientY };
      setIsPanning(true);
      return;
    }
    // Pointer timestamps share performance.now()'s clock: the measurement starts at the real press.
    controller.pointerDown(toInput(event), vp.scale);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (panning.current) {
      const dx = event.clientX - panning.current.x;
      const dy = event.clientY - panning.current.y;
      panning.current = { x: event.clientX, y: event.clientY };
      setViewport((v) => v && panBy(v, dx, dy));
      return;
    }
    const input = toInput(event);
    const cursor = cursorRef.current;
    if (cursor) {
      cursor.position({ x: input.x, y: input.y });
      cursor.getLayer()?.batchDraw();
    }
    controller.pointerMove(input);
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (panning.current) {
      panning.current = null;
      setIsPanning(false);
      return;
    }
    controller.pointerUp(toInput(event));
  };

  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const screen = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    setViewport((v) => v && zoomAt(v, wheelZoomFactor(event.deltaY), screen));
  };

  const shape = draft?.shape;
  const preview = useMemo(() => {
    if (shape?.kind !== "smart" || !shape.decoded) return null;
    const logits = selectedLogits(shape);
    if (!logits) return null;
    const pixels = lowResMaskPixels({ logits, geometry, lowResSize: shape.decoded.lowResSize, fill: DRAFT_FILL, edge: DRAFT_EDGE });
    return renderLowRes(pixels);
  }, [shape, geometry]);
  const uncoveredCanvas = useMemo(() => (uncovered ? renderUncovered(doc) : null), [uncovered, doc]);
  const hoverCanvas = useMemo(() => {
    if (!hover) return null;
    return renderLowRes(lowResMaskPixels({ logits: hover.logits, geometry, lowResSize: hover.lowResSize, fill: HOVER_FILL, edge: HOVER_EDGE }));
  }, [hover, geometry]);

  // Click-to-mask timing: the frame after the preview for a click's answer is drawn.
  useEffect(() => {
    const timing = draft ? controller.prompting.timings.get(draft) : undefined;
    if (!timing) return;
    const frame = requestAnimationFrame(() => {
      window.__maskwrightEditorDecode = {
        ms: performance.now() - timing.startedAt,
        count: ++decodeCount.current,
        iou: timing.iou,
        runMs: timing.runMs,
        roundTripMs: timing.roundTripMs,
      };
      containerRef.current?.setAttribute("data-decode-count", String(decodeCount.current));
    });
    return () => cancelAnimationFrame(frame);
  }, [draft, controller]);

  const px = 1 / vp.scale; // one screen pixel in image units
  const cursorClass = spaceHeld || isPanning ? "cursor-grab" : tool === "select" ? "cursor-default" : tool === "brush" || tool === "eraser" ? "cursor-none" : "cursor-crosshair";

  return (
    <div
      ref={containerRef}
      className={`absolute inset-0 touch-none select-none overflow-hidden ${cursorClass}`}
      data-testid="editor-stage"
      data-scale={vp.scale.toFixed(4)}
      data-offset={`${vp.x.toFixed(1)},${vp.y.toFixed(1)}`}
      data-uncovered={uncoveredCanvas ? "true" : "false"}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => controller.pointerLeave()}
      onPointerLeave={() => controller.pointerLeave()}
      onDoubleClick={() => controller.doubleClick()}
      onWheel={onWheel}
      onContextMenu={(event) => event.preventDefault()}
    >
      {stageSize.width > 0 && (
        <Stage width={stageSize.width} height={stageSize.height} scaleX={vp.scale} scaleY={vp.scale} x={vp.x} y={vp.y} listening={false}>
          <Layer imageSmoothingEnabled={false} listening={false}>
            {shownImage && <KonvaImage image={shownImage} width={doc.width} height={doc.height} />}
            <Group opacity={maskOpacity}>
              {doc.objects.map((object) => {
                if (object.hidden) return null;
                const pending = isPendingPrefill(object);
                if (pending && !prefillLayerVisible) return null;
                const color = objectColor({ objectId: object.id, labelClassId: object.labelClassId, labels });
                const render = renderMask({ mask: object.mask, color, selected: object.id === selectedId, style: pending ? "prefill" : "solid" });
                return render && <KonvaImage key={object.id} image={render.canvas} x={render.x} y={render.y} />;
              })}
            </Group>
            {uncoveredCanvas && <KonvaImage image={uncoveredCanvas} width={doc.width} height={doc.height} />}
          </Layer>
          <Layer listening={false}>
            {hoverCanvas && <KonvaImage image={hoverCanvas} width={doc.width} height={doc.height} />}
            {preview && <KonvaImage image={preview} width={doc.width} height={doc.height} />}
            {shape?.kind === "smart" && shape.box && (
              <Rect x={shape.box.x0} y={shape.box.y0} width={shape.box.x1 - shape.box.x0} height={shape.box.y1 - shape.box.y0} stroke="#2563eb" strokeWidth={2 * px} />
            )}
            {boxPreview && (
              <Rect x={boxPreview.x0} y={boxPreview.y0} width={boxPreview.x1 - boxPreview.x0} height={boxPreview.y1 - boxPreview.y0} stroke="#2563eb" dash={[6 * px, 4 * px]} strokeWidth={2 * px} />
            )}
            {shape?.kind === "smart" &&
              shape.points.map((p, i) => <Circle key={i} x={p.x} y={p.y} radius={6 * px} fill={p.positive ? "#16a34a" : "#dc2626"} stroke="white" strokeWidth={2 * px} />)}
            {shape?.kind === "polygon" && (
              <>
                <Line points={shape.vertices.flatMap((v) => [v.x, v.y])} closed={shape.closed} stroke="#f59e0b" strokeWidth={2 * px} fill={shape.closed ? "rgba(245, 158, 11, 0.3)" : undefined} />
                {shape.vertices.map((v, i) => (
                  <Rect key={i} x={v.x - 4 * px} y={v.y - 4 * px} width={8 * px} height={8 * px} fill={i === 0 ? "#f59e0b" : "white"} stroke="#b45309" strokeWidth={1.5 * px} />
                ))}
              </>
            )}
            {(tool === "brush" || tool === "eraser") && (
              <Circle ref={cursorRef} radius={brushRadius} stroke={tool === "brush" ? "#16a34a" : "#dc2626"} strokeWidth={1.5 * px} dash={[4 * px, 3 * px]} />
            )}
          </Layer>
        </Stage>
      )}
    </div>
  );
}

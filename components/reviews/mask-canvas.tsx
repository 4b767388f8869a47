"use client";

// The image with its masks drawn on top (COCO RLE decoded in the browser),
// numbered comment pins, and a click handler in image pixels. The canvas has
// the image's own size and is scaled with the image by CSS; zoom and pan move
// both together (use-review-zoom.ts), pins keep their size.
import { useEffect, useMemo, useRef } from "react";
import { runsPixel } from "@/lib/mask";
import { paintReviewMasks, rectAround, reviewMaskArea, reviewMaskFromRle } from "./paint-review-masks";
import { useReviewZoom } from "./use-review-zoom";

export type DrawnAnnotation = { id: string; rle: { size: [number, number]; counts: string }; color: string };
export type Pin = { x: number; y: number; label: string };

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return Number.isFinite(value) ? [(value >> 16) & 255, (value >> 8) & 255, value & 255] : [56, 189, 248];
}

export function MaskCanvas(props: {
  imageUrl: string;
  width: number;
  height: number;
  annotations: DrawnAnnotation[];
  highlightId?: string | null;
  /** Fill opacity 0..1 (outlines stay opaque); false hides the masks to see the bare picture. */
  opacity?: number;
  visible?: boolean;
  pins: Pin[];
  onPick?: (point: { x: number; y: number; annotationId: string | null }) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Read (runs and a crop of each box) once per set of masks; hovering only repaints.
  const masks = useMemo(() => props.annotations.map((annotation) => ({ annotation, mask: reviewMaskFromRle(annotation.rle) })), [props.annotations]);

  const opacity = props.opacity ?? 1;
  const visible = props.visible ?? true;
  const painted = useMemo(() => masks.map(({ annotation, mask }) => ({ id: annotation.id, mask, rgb: hexToRgb(annotation.color) })), [masks]);
  // What the canvas shows now: a hover that only moves the highlight repaints the two masks' areas, not the picture.
  const shown = useRef<{ image: ImageData; painted: typeof painted; opacity: number; visible: boolean; highlightId: string | null } | null>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const highlightId = props.highlightId ?? null;
    const last = shown.current;
    const same = last && last.painted === painted && last.opacity === opacity && last.visible === visible && last.image.width === props.width && last.image.height === props.height;
    if (last && same) {
      if (last.highlightId === highlightId) return;
      const areaOf = (id: string | null) => {
        const entry = id === null ? undefined : painted.find((candidate) => candidate.id === id);
        return entry ? reviewMaskArea(entry.mask) : null;
      };
      const region = visible ? rectAround([areaOf(last.highlightId), areaOf(highlightId)]) : null;
      if (region) {
        paintReviewMasks({ out: last.image.data, width: props.width, height: props.height, masks: painted, opacity, highlightId, region });
        context.putImageData(last.image, 0, 0, region[0], region[1], region[2], region[3]);
      }
      shown.current = { ...last, highlightId };
      return;
    }
    const image = context.createImageData(props.width, props.height);
    if (visible) paintReviewMasks({ out: image.data, width: props.width, height: props.height, masks: painted, opacity, highlightId });
    context.putImageData(image, 0, 0);
    shown.current = { image, painted, opacity, visible, highlightId };
  }, [painted, props.width, props.height, props.highlightId, opacity, visible]);

  const { frame, view, pointer, zoomIn, zoomOut, fit, consumeDrag } = useReviewZoom();
  const picture = useRef<HTMLDivElement>(null);
  const pick = (event: React.MouseEvent<HTMLDivElement>) => {
    if (consumeDrag() || !props.onPick || !picture.current) return;
    // The transformed picture's box: the same formula holds at any zoom.
    const box = picture.current.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * props.width;
    const y = ((event.clientY - box.top) / box.height) * props.height;
    const px = Math.min(props.width - 1, Math.max(0, Math.floor(x)));
    const py = Math.min(props.height - 1, Math.max(0, Math.floor(y)));
    // The topmost (last drawn) mask under the click.
    const hit = [...masks].reverse().find(({ mask }) => runsPixel(mask.runs, px, py));
    props.onPick({ x, y, annotationId: hit?.annotation.id ?? null });
  };

  const control = "flex h-7 min-w-7 items-center justify-center rounded bg-white/90 px-1.5 text-xs font-medium text-slate-700 shadow hover:bg-white";
  return (
    <div
      ref={frame}
      className={`relative w-full select-none overflow-hidden rounded-md bg-slate-900 ${view.scale > 1 ? "cursor-grab active:cursor-grabbing" : "cursor-crosshair"}`}
      onClick={pick}
      {...pointer}
      data-testid="review-canvas"
      data-mask-count={props.annotations.length}
      data-masks-visible={visible ? "true" : "false"}
      data-zoom={view.scale.toFixed(2)}
    >
      <div ref={picture} className="relative origin-top-left" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- served by our authenticated route at its native size */}
        <img src={props.imageUrl} alt="" className="block w-full" draggable={false} />
        <canvas ref={canvas} width={props.width} height={props.height} className="pointer-events-none absolute inset-0 h-full w-full" />
        {props.pins.map((pin) => (
          <span
            key={pin.label}
            className="pointer-events-none absolute flex h-6 w-6 items-center justify-center rounded-full border-2 border-white bg-amber-600 text-xs font-semibold text-white shadow"
            style={{ left: `${(100 * pin.x) / props.width}%`, top: `${(100 * pin.y) / props.height}%`, transform: `translate(-50%, -50%) scale(${1 / view.scale})` }}
          >
            {pin.label}
          </span>
        ))}
      </div>
      {/* Clicks on the controls must not pin a comment. */}
      <div className="absolute right-2 top-2 flex gap-1" onClick={(event) => event.stopPropagation()} onPointerDown={(event) => event.stopPropagation()}>
        <button type="button" className={control} onClick={zoomOut} aria-label="Zoom out (-)" disabled={view.scale <= 1}>−</button>
        <span className={`${control} tabular-nums`} data-testid="review-zoom-level">{Math.round(view.scale * 100)}%</span>
        <button type="button" className={control} onClick={zoomIn} aria-label="Zoom in (+)">+</button>
        <button type="button" className={control} onClick={fit} aria-label="Fit (0)">Fit</button>
      </div>
    </div>
  );
}

"use client";
// The review picture's zoom and pan: the wheel zooms at the cursor, dragging
// pans once zoomed in (a drag is not a click: it pins no comment), + / - / 0
// zoom in, out and back to fit (not while typing a comment).
import { useCallback, useEffect, useRef, useState } from "react";
import { isTextField } from "../ui/is-text-field";
import { FITTED, panBy, zoomAt, type ZoomView } from "./review-zoom";

const DRAG_THRESHOLD_PX = 4;
const STEP = 1.5;

export function useReviewZoom() {
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ZoomView>(FITTED);
  const drag = useRef<{ startX: number; startY: number; from: ZoomView; moved: boolean } | null>(null);
  const justDragged = useRef(false);

  const size = () => {
    const box = frame.current?.getBoundingClientRect();
    return { width: box?.width ?? 1, height: box?.height ?? 1 };
  };
  const zoomCentre = useCallback((factor: number) => {
    const box = frame.current?.getBoundingClientRect();
    if (!box) return;
    setView((current) => zoomAt(current, factor, { x: box.width / 2, y: box.height / 2 }, { width: box.width, height: box.height }));
  }, []);
  const fit = useCallback(() => setView(FITTED), []);

  // React's onWheel is passive: the page would scroll as well. A native listener can prevent that.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * 0.002);
      setView((current) => zoomAt(current, factor, { x: event.clientX - box.left, y: event.clientY - box.top }, { width: box.width, height: box.height }));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "+" || event.key === "=") zoomCentre(STEP);
      else if (event.key === "-") zoomCentre(1 / STEP);
      else if (event.key === "0") fit();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [zoomCentre, fit]);

  const pointer = {
    onPointerDown: (event: React.PointerEvent) => {
      if (event.button !== 0) return;
      drag.current = { startX: event.clientX, startY: event.clientY, from: view, moved: false };
    },
    onPointerMove: (event: React.PointerEvent) => {
      const current = drag.current;
      if (!current || view.scale === 1) return;
      const dx = event.clientX - current.startX;
      const dy = event.clientY - current.startY;
      if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      current.moved = true;
      setView(panBy(current.from, dx, dy, size()));
    },
    onPointerUp: () => {
      justDragged.current = drag.current?.moved ?? false;
      drag.current = null;
    },
    onPointerLeave: () => {
      drag.current = null;
    },
  };

  /** True once after a drag ended: the click that follows it is not a pick. */
  const consumeDrag = () => {
    const dragged = justDragged.current;
    justDragged.current = false;
    return dragged;
  };

  return { frame, view, pointer, zoomIn: () => zoomCentre(STEP), zoomOut: () => zoomCentre(1 / STEP), fit, consumeDrag };
}

// Zoom and pan of the review picture, as plain math on a view: `scale` times
// the fitted size, shifted by (x, y) CSS pixels from the frame's top-left.
// The picture always covers the frame once zoomed in (no panning into empty
// space), and the point under the cursor stays put while zooming.
export type ZoomView = { scale: number; x: number; y: number };
export type FrameSize = { width: number; height: number };

export const FITTED: ZoomView = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 16;

export function clampView(view: ZoomView, frame: FrameSize): ZoomView {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale));
  const clamp = (value: number, size: number) => Math.min(0, Math.max(size * (1 - scale), value));
  return { scale, x: clamp(view.x, frame.width), y: clamp(view.y, frame.height) };
}

/** Zooms by `factor` keeping `point` (frame pixels) on the same spot of the picture. */
export function zoomAt(view: ZoomView, factor: number, point: { x: number; y: number }, frame: FrameSize): ZoomView {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale * factor));
  const ratio = scale / view.scale;
  return clampView({ scale, x: point.x - (point.x - view.x) * ratio, y: point.y - (point.y - view.y) * ratio }, frame);
}

export function panBy(view: ZoomView, dx: number, dy: number, frame: FrameSize): ZoomView {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, frame);
}

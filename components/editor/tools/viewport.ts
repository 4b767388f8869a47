// Zoom and pan as plain math: screen = image * scale + offset. The Konva
// stage gets scale and offset; tools get pointer positions in image pixels.
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 40;

/** The whole image, centred, with `padding` screen pixels around it. */
export function fitViewport(options: { image: Size; stage: Size; padding?: number }): Viewport {
  const { image, stage } = options;
  const padding = options.padding ?? 16;
  const scale = clampScale(
    Math.min((stage.width - 2 * padding) / Math.max(1, image.width), (stage.height - 2 * padding) / Math.max(1, image.height)),
  );
  return { scale, x: (stage.width - image.width * scale) / 2, y: (stage.height - image.height * scale) / 2 };
}

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor` keeping the image point under `screen` where it is (wheel zoom). */
export function zoomAt(viewport: Viewport, factor: number, screen: { x: number; y: number }): Viewport {
  const scale = clampScale(viewport.scale * factor);
  const imageX = (screen.x - viewport.x) / viewport.scale;
  const imageY = (screen.y - viewport.y) / viewport.scale;
  return { scale, x: screen.x - imageX * scale, y: screen.y - imageY * scale };
}

/** Wheel delta -> zoom factor; trackpads send many small deltas, mice a few big ones. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(-Math.max(-300, Math.min(300, deltaY)) * 0.0015);
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, x: viewport.x + dx, y: viewport.y + dy };
}

export function screenToImage(viewport: Viewport, screen: { x: number; y: number }): { x: number; y: number } {
  return { x: (screen.x - viewport.x) / viewport.scale, y: (screen.y - viewport.y) / viewport.scale };
}

export function imageToScreen(viewport: Viewport, image: { x: number; y: number }): { x: number; y: number } {
  return { x: image.x * viewport.scale + viewport.x, y: image.y * viewport.scale + viewport.y };
}

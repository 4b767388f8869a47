// Axis-aligned boxes as corners, the shape SAM's box prompt takes
// (lib/sam/prompt-transform PromptBox). Pure and browser-safe.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface ScoredBox extends Box {
  score: number;
}

export function boxArea(box: Box): number {
  return Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
}

export function boxIou(a: Box, b: Box): number {
  const iw = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const ih = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = boxArea(a) + boxArea(b) - inter;
  return union <= 0 ? 0 : inter / union;
}

/** COCO [x, y, w, h] -> corners. */
export function boxFromXywh([x, y, w, h]: readonly [number, number, number, number]): Box {
  return { x0: x, y0: y, x1: x + w, y1: y + h };
}

export function clipBox(box: Box, size: { width: number; height: number }): Box {
  return {
    x0: Math.min(Math.max(box.x0, 0), size.width),
    y0: Math.min(Math.max(box.y0, 0), size.height),
    x1: Math.min(Math.max(box.x1, 0), size.width),
    y1: Math.min(Math.max(box.y1, 0), size.height),
  };
}

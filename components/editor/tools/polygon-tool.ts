// Polygon tool: click vertices; click the first vertex (or press Enter,
// or double-click) to close; once closed, drag any vertex to adjust.
// Backspace removes the last vertex while drawing. The polygon itself lives
// in the editor's draft; this machine only adds the drag state.
import type { PointerInput } from "./pointer-input";

export interface Vertex {
  x: number;
  y: number;
}

export interface PolygonValue {
  vertices: readonly Vertex[];
  closed: boolean;
}

export type PolygonToolState = { phase: "idle" } | { phase: "dragging"; index: number };

export type PolygonToolAction = { kind: "change"; polygon: PolygonValue; addedVertex: boolean };

export const POLYGON_IDLE: PolygonToolState = { phase: "idle" };
/** How close (screen pixels) a press must be to a vertex to grab or close on it. */
export const VERTEX_HIT_PX = 8;

type Step = { state: PolygonToolState; actions: PolygonToolAction[] };

function nearestVertex(vertices: readonly Vertex[], input: PointerInput, scale: number): number {
  let best = -1;
  let bestDistance = VERTEX_HIT_PX / scale;
  vertices.forEach((v, i) => {
    const d = Math.hypot(v.x - input.x, v.y - input.y);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

export function polygonDown(state: PolygonToolState, polygon: PolygonValue | null, input: PointerInput, scale: number): Step {
  if (input.button !== 0) return { state, actions: [] };
  const point = { x: input.x, y: input.y };
  if (!polygon || polygon.vertices.length === 0) {
    return { state, actions: [{ kind: "change", polygon: { vertices: [point], closed: false }, addedVertex: true }] };
  }
  const hit = nearestVertex(polygon.vertices, input, scale);
  if (polygon.closed) {
    return hit >= 0 ? { state: { phase: "dragging", index: hit }, actions: [] } : { state, actions: [] };
  }
  if (hit === 0 && polygon.vertices.length >= 3) {
    return { state, actions: [{ kind: "change", polygon: { vertices: polygon.vertices, closed: true }, addedVertex: false }] };
  }
  return { state, actions: [{ kind: "change", polygon: { vertices: [...polygon.vertices, point], closed: false }, addedVertex: true }] };
}

export function polygonMove(state: PolygonToolState, polygon: PolygonValue | null, input: PointerInput): Step {
  if (state.phase !== "dragging" || !polygon) return { state, actions: [] };
  const vertices = polygon.vertices.map((v, i) => (i === state.index ? { x: input.x, y: input.y } : v));
  return { state, actions: [{ kind: "change", polygon: { vertices, closed: polygon.closed }, addedVertex: false }] };
}

export function polygonUp(_state: PolygonToolState): Step {
  return { state: POLYGON_IDLE, actions: [] };
}

/** Enter or double-click: close an open polygon of 3+ vertices. */
export function closePolygon(polygon: PolygonValue | null): PolygonValue | null {
  if (!polygon || polygon.closed || polygon.vertices.length < 3) return null;
  return { vertices: polygon.vertices, closed: true };
}

/** Backspace while drawing. */
export function removeLastVertex(polygon: PolygonValue | null): PolygonValue | null {
  if (!polygon || polygon.closed || polygon.vertices.length === 0) return null;
  return { vertices: polygon.vertices.slice(0, -1), closed: false };
}

/**
 * Traces a mask into polygons with holes, following pixel *boundaries* (vertices are
 * integer pixel corners, edges axis-aligned). Unlike tracing pixel centres (OpenCV
 * findContours), this encloses exactly the foreground pixels, so rasterising the rings
 * with polygon-raster.ts (even-odd, or union after bridgeHoles) gives back the same
 * mask bit for bit: pycocotools' frPoly has no rounding on such polygons.
 *
 * Connectivity: foreground is 8-connected (pixels touching at a corner belong to the
 * same part, as in connected-components.ts's default), background 4-connected. Where
 * two foreground pixels touch only diagonally, the ring passes through that corner
 * twice (a "pinch" vertex), which keeps the ring simple except at that point.
 *
 * Orientation, in image coordinates (x right, y down): outer rings run clockwise as
 * displayed, holes counter-clockwise, i.e. the foreground is always on the right of
 * the direction of travel. Equivalently the shoelace sum of x[i]*y[i+1] - x[i+1]*y[i]
 * is positive for outer rings and negative for holes.
 *
 * Only corner vertices are emitted (collinear points dropped) and rings are not
 * explicitly closed. A ring starts at the top-left corner of the first pixel, in scan
 * order, whose top edge it contains: for an outer ring that is its top-left-most
 * vertex, for a hole the corner just below the hole's top-left pixel.
 */
import { assertValidMask, type BinaryMask } from "./binary-mask";
import { labelComponents } from "./connected-components";

export interface MaskPolygon {
  /** Outer boundary, flat [x1, y1, x2, y2, ...]. */
  outer: number[];
  /** Boundaries of the holes inside this part, same format. */
  holes: number[][];
}

// Directions in clockwise-on-screen order, so "turn right" is +1 and "turn left" is +3.
const DX = [1, 0, -1, 0] as const; // 0: +x, 1: +y (down), 2: -x, 3: -y (up)
const DY = [0, 1, 0, -1] as const;

/** Parts in scan order of their first (top-left-most) pixel, each with its holes. */
export function maskToPolygons(mask: BinaryMask): MaskPolygon[] {
  assertValidMask(mask);
  const { width: w, height: h, data } = mask;
  const fg = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;

  // visited[i] = the top edge of pixel i has been traced. Every ring contains at least
  // one such edge (a "+x" edge with foreground below), and each edge lies on exactly
  // one ring, so starting only from unvisited top edges finds every ring once.
  const visited = new Uint8Array(w * h);

  const trace = (sx: number, sy: number): number[] => {
    const pts = [sx, sy];
    let x = sx;
    let y = sy;
    let d = 0;
    do {
      if (d === 0) visited[y * w + x] = 1;
      x += DX[d] as number;
      y += DY[d] as number;
      // The two pixels ahead of the vertex we reached, left and right of the heading.
      let alx: number, aly: number, arx: number, ary: number;
      if (d === 0) { alx = x; aly = y - 1; arx = x; ary = y; }
      else if (d === 1) { alx = x; aly = y; arx = x - 1; ary = y; }
      else if (d === 2) { alx = x - 1; aly = y; arx = x - 1; ary = y - 1; }
      else { alx = x - 1; aly = y - 1; arx = x; ary = y - 1; }
      // Turning left whenever the ahead-left pixel is foreground is what makes diagonal
      // neighbours one part (8-connectivity): at a saddle we follow the other pixel.
      let nd: number;
      if (fg(alx, aly)) nd = (d + 3) & 3;
      else if (fg(arx, ary)) nd = d;
      else nd = (d + 1) & 3;
      if (nd !== d) pts.push(x, y);
      d = nd;
    } while (!(x === sx && y === sy && d === 0));
    // The start is always a corner (the edge before it is not a +x edge, or the ring
    // would have been found from an earlier pixel), so the walk ends by re-emitting it.
    pts.length -= 2;
    return pts;
  };

  const outers: { ring: number[]; pixel: number }[] = [];
  const holes: { ring: number[]; pixel: number }[] = [];
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      // inline checks: this loop visits every pixel of (possibly 12 Mpx) masks
      if (data[i] === 0 || visited[i] !== 0 || (y > 0 && data[i - w] !== 0)) continue;
      const ring = trace(x, y);
      (signedArea2(ring) > 0 ? outers : holes).push({ ring, pixel: i });
    }
  }

  const parts: MaskPolygon[] = outers.map((o) => ({ outer: o.ring, holes: [] }));
  if (holes.length === 0) return parts;
  if (parts.length === 1) {
    (parts[0] as MaskPolygon).holes = holes.map((hole) => hole.ring);
    return parts;
  }
  // Several parts: a hole belongs to the 8-connected component of the foreground pixel
  // below its start edge. Component ids are in scan order of first pixels, and so are
  // outer rings (each starts at its component's first pixel), so id - 1 = part index.
  const comps = labelComponents(mask, 8);
  for (const hole of holes) {
    const part = parts[(comps.labels[hole.pixel] as number) - 1];
    if (!part) throw new Error("internal error: hole without an enclosing part");
    part.holes.push(hole.ring);
  }
  return parts;
}

/** Twice the signed (shoelace) area: positive for outer rings, negative for holes. */
export function signedArea2(ring: readonly number[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    s += (ring[i] as number) * (ring[j + 1] as number) - (ring[j] as number) * (ring[i + 1] as number);
  }
  return s;
}

/**
 * All rings of all parts as one COCO `segmentation` list (outer rings and holes). Holes
 * only show with the even-odd rule (rasterizePolygons' default); pycocotools' annToRLE
 * unions rings and would fill them; use bridgeHoles for that consumer.
 */
export function polygonsToRings(parts: readonly MaskPolygon[]): number[][] {
  const rings: number[][] = [];
  for (const p of parts) rings.push(p.outer, ...p.holes);
  return rings;
}

/**
 * Merges a part's holes into its outer ring through zero-width cuts, giving a single
 * ring that pycocotools (which unions separate rings, so cannot express holes)
 * rasterises to exactly the traced pixels.
 *
 * Each cut runs from the outer ring's first vertex horizontally along its top edge line,
 * then vertically down to the hole's first vertex, and is walked once in each
 * direction. Vertical edges never cross a column centre and the horizontal part is
 * crossed twice at identical points, so the cut adds no pixels under frPoly's rule or
 * even-odd filling. The ring is not simple (the cut may overlap other rings' edges), so
 * use it for COCO export, not as geometry for GIS-style polygon operations.
 */
export function bridgeHoles(part: MaskPolygon): number[] {
  const { outer, holes } = part;
  if (holes.length === 0) return outer.slice();
  const sx = outer[0] as number;
  const sy = outer[1] as number;
  const out: number[] = [];
  const push = (x: number, y: number): void => {
    const n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) return; // drop zero-length edges
    out.push(x, y);
  };
  push(sx, sy);
  for (const hole of holes) {
    const hx = hole[0] as number;
    const hy = hole[1] as number;
    push(hx, sy);
    for (let i = 0; i < hole.length; i += 2) push(hole[i] as number, hole[i + 1] as number);
    push(hx, hy);
    push(hx, sy);
    push(sx, sy);
  }
  for (let i = 2; i < outer.length; i += 2) push(outer[i] as number, outer[i + 1] as number);
  return out;
}

// Polygons for formats that cannot say "hole" or "several parts" the way a
// mask can. Rings follow pixel boundaries (lib/mask/mask-to-polygons), so the
// pixel-centre rule of pycocotools' frPoly (and any even-odd scanline fill)
// gives back exactly the mask's pixels:
// - COCO: one ring per part, its holes joined in through zero-width cuts
//   (bridgeHoles), because pycocotools unions the rings of an annotation.
// - YOLO: one ring per object (a line holds one polygon), every part and hole
//   joined through zero-width cuts; each cut is walked there and back, so it
//   adds no crossings and no pixels under the even-odd rule.
import { bridgeHoles, maskToPolygons, type BinaryMask } from "@/lib/mask";

export function maskToCocoRings(options: { mask: BinaryMask }): number[][] {
  return maskToPolygons(options.mask).map((part) => bridgeHoles(part));
}

export function maskToSingleRing(options: { mask: BinaryMask }): number[] {
  const parts = maskToPolygons(options.mask);
  const first = parts[0];
  if (!first) return [];
  // Later parts become "holes" of the first one: bridgeHoles only needs each
  // ring's first vertex to hang the cut on, and even-odd filling does the rest.
  return bridgeHoles({ outer: first.outer, holes: [...first.holes, ...parts.slice(1).map((part) => bridgeHoles(part))] });
}

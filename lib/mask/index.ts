/**
 * Public API of the mask toolkit: pure TypeScript, no Node-only APIs, safe to use in
 * the browser, in web workers and on the server.
 */
export {
  InvalidMaskError,
  assertSameSize,
  assertValidMask,
  cloneMask,
  countForeground,
  createMask,
  maskFromRows,
  maskToRows,
  masksEqual,
  type BinaryMask,
} from "./binary-mask";
export {
  InvalidRleError,
  assertValidRle,
  compressRle,
  decodeRleToMask,
  encodeMaskToRle,
  encodeMaskToUncompressedRle,
  maskToRleCounts,
  rleArea,
  rleBbox,
  rleCounts,
  rleCountsToString,
  rleSize,
  rleStringToCounts,
  type CocoRle,
  type RleInput,
  type UncompressedRle,
} from "./coco-rle";
export { maskArea, maskBbox, type Bbox } from "./mask-geometry";
export {
  foregroundRuns,
  paintRuns,
  runsBbox,
  runsPixel,
  runsRegion,
  runsToMask,
  sameRuns,
  type ForegroundRuns,
} from "./foreground-runs";
export {
  InvalidPolygonError,
  MAX_POLYGON_COORDINATE,
  rasterizePolygons,
  validatePolygons,
  type PolygonRing,
  type RasterizeOptions,
} from "./polygon-raster";
export { bridgeHoles, maskToPolygons, polygonsToRings, signedArea2, type MaskPolygon } from "./mask-to-polygons";
export {
  componentAt,
  componentMask,
  labelComponents,
  type ComponentLabels,
  type Connectivity,
} from "./connected-components";
export {
  fillHoles,
  intersectMasks,
  maskIou,
  paintDisc,
  removeSmallIslands,
  subtractMasks,
  unionMasks,
  type FillHolesOptions,
  type PixelRect,
} from "./mask-ops";

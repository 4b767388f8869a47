// Image-pixel prompts -> SAM decoder inputs. Pure functions shared by the
// server (native decode, benchmarks) and the browser decoder, so both feed
// the model identical coordinates.
//
// SAM conventions (segment_anything/utils/transforms.py ResizeLongestSide and
// the ONNX export notebook): the image is resized so its longest side is
// `inputSize`, each side rounded with int(x * scale + 0.5); prompt coords are
// scaled per axis by resized/original; a box is two extra points labelled 2
// (top-left) and 3 (bottom-right); without a box a padding point (0,0) with
// label -1 is appended (the export was traced with it).

export interface ImageSize {
  width: number;
  height: number;
}

export interface ResizeGeometry extends ImageSize {
  inputSize: number;
  /** inputSize / max(width, height). */
  scale: number;
  resizedWidth: number;
  resizedHeight: number;
}

export interface PromptPoint {
  x: number;
  y: number;
  /** true: foreground click (label 1); false: background click (label 0). */
  positive: boolean;
}

/** Corners in image pixels; any two opposite corners are accepted. */
export interface PromptBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DecoderPrompt {
  /** [1, numPoints, 2] flattened, in inputSize-resized coordinates. */
  pointCoords: Float32Array;
  /** [1, numPoints]: 1 fg, 0 bg, 2/3 box corners, -1 padding. */
  pointLabels: Float32Array;
  numPoints: number;
}

export const POINT_LABEL = { background: 0, foreground: 1, boxTopLeft: 2, boxBottomRight: 3, padding: -1 } as const;

export function computeResizeGeometry({ width, height, inputSize }: ImageSize & { inputSize: number }): ResizeGeometry {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new Error(`Invalid image size ${width}x${height}`);
  }
  const scale = inputSize / Math.max(width, height);
  return {
    width,
    height,
    inputSize,
    scale,
    resizedWidth: Math.floor(width * scale + 0.5),
    resizedHeight: Math.floor(height * scale + 0.5),
  };
}

/** Image pixel -> resized (model) coordinates, per-axis like SAM's apply_coords. */
export function toModelCoordinates({ x, y, geometry }: { x: number; y: number; geometry: ResizeGeometry }): {
  x: number;
  y: number;
} {
  return {
    x: x * (geometry.resizedWidth / geometry.width),
    y: y * (geometry.resizedHeight / geometry.height),
  };
}

export function buildDecoderPrompt({
  points = [],
  box,
  geometry,
}: {
  points?: readonly PromptPoint[];
  box?: PromptBox | null;
  geometry: ResizeGeometry;
}): DecoderPrompt {
  if (points.length === 0 && !box) throw new Error("A SAM prompt needs at least one point or a box");
  // A box adds two corner points; without one a single padding point.
  const total = points.length + (box ? 2 : 1);
  const pointCoords = new Float32Array(total * 2);
  const pointLabels = new Float32Array(total);
  points.forEach((point, i) => {
    const p = toModelCoordinates({ x: point.x, y: point.y, geometry });
    pointCoords[2 * i] = p.x;
    pointCoords[2 * i + 1] = p.y;
    pointLabels[i] = point.positive ? POINT_LABEL.foreground : POINT_LABEL.background;
  });
  const base = points.length;
  if (box) {
    const topLeft = toModelCoordinates({ x: Math.min(box.x0, box.x1), y: Math.min(box.y0, box.y1), geometry });
    const bottomRight = toModelCoordinates({ x: Math.max(box.x0, box.x1), y: Math.max(box.y0, box.y1), geometry });
    pointCoords.set([topLeft.x, topLeft.y, bottomRight.x, bottomRight.y], base * 2);
    pointLabels[base] = POINT_LABEL.boxTopLeft;
    pointLabels[base + 1] = POINT_LABEL.boxBottomRight;
  } else {
    // Coordinates stay (0,0); only the label marks it as padding.
    pointLabels[base] = POINT_LABEL.padding;
  }
  return { pointCoords, pointLabels, numPoints: total };
}

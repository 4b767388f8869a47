// SA-1B's point_coords and crop_box come from the prompt that produced a mask.
// Prompts are stored as JSON by the editor; this accepts the shapes in use
// ({points: [{x, y, label}]}, SAM-style {point_coords, point_labels}) and
// ignores anything else, so an unknown or missing prompt never fails an export.
import { z } from "zod";

const finite = z.number().finite();
const pointsShape = z.object({ points: z.array(z.object({ x: finite, y: finite, label: z.number().optional() })) });
const samShape = z.object({ point_coords: z.array(z.tuple([finite, finite])), point_labels: z.array(z.number()).optional() });
const cropShape = z.object({ crop_box: z.tuple([finite, finite, finite, finite]) });

export type PromptGeometry = { pointCoords: [number, number][]; cropBox: [number, number, number, number] | null };

/** Foreground points only (label 1 or unlabelled), as SA-1B lists the point that generated a mask. */
export function readPromptGeometry(options: { prompt: unknown }): PromptGeometry {
  const { prompt } = options;
  let pointCoords: [number, number][] = [];
  const points = pointsShape.safeParse(prompt);
  if (points.success) {
    pointCoords = points.data.points.filter((point) => point.label === undefined || point.label === 1).map((point) => [point.x, point.y]);
  } else {
    const sam = samShape.safeParse(prompt);
    if (sam.success) {
      const labels = sam.data.point_labels;
      pointCoords = sam.data.point_coords.filter((_, index) => labels === undefined || labels[index] === 1);
    }
  }
  const crop = cropShape.safeParse(prompt);
  return { pointCoords, cropBox: crop.success ? crop.data.crop_box : null };
}

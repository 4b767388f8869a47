// DetectorVersion row -> the summary the routes and the manager panel show.
import { detectorMetrics, type DetectorVersionSummary } from "@/lib/schemas/detector";
import type { Prisma } from "../db/generated/client";

export const DETECTOR_VERSION_SELECT = {
  id: true,
  version: true,
  status: true,
  sourceModelId: true,
  metrics: true,
  trainingImages: true,
  heldOutImages: true,
  error: true,
  createdAt: true,
  activatedAt: true,
} satisfies Prisma.DetectorVersionSelect;

export type DetectorVersionRow = Prisma.DetectorVersionGetPayload<{ select: typeof DETECTOR_VERSION_SELECT }>;

export function toDetectorVersionSummary(row: DetectorVersionRow): DetectorVersionSummary {
  const metrics = detectorMetrics.safeParse(row.metrics ?? {});
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    sourceModelId: row.sourceModelId,
    metrics: metrics.success ? metrics.data : detectorMetrics.parse({}),
    trainingImages: row.trainingImages,
    heldOutImages: row.heldOutImages,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  };
}

// The image shape the API returns. Storage keys stay on the server: clients
// fetch bytes through the authorised file and thumbnail routes below.
import type { TaskStatus } from "../db/client";

export type ImageSummary = {
  id: string;
  projectId: string;
  sha256: string;
  fileName: string;
  mime: string;
  byteSize: number;
  width: number;
  height: number;
  createdAt: string;
  thumbnailReady: boolean;
  fileUrl: string;
  thumbnailUrl: string;
};

export type ImageListItem = ImageSummary & {
  annotateStatus: TaskStatus | null;
  /** Live masks on the image, and how many of them are pre-fills nobody has accepted yet (no label). */
  maskCount: number;
  /** Latest change to a live mask (ms since the epoch; 0: none): with maskCount it names the overlay's content. */
  masksChangedAt: number;
  pendingPrefillCount: number;
};

type ImageRow = {
  id: string;
  projectId: string;
  sha256: string;
  fileName: string;
  mime: string;
  byteSize: number;
  width: number;
  height: number;
  createdAt: Date;
  thumbnailKey: string | null;
};

export function toImageSummary(row: ImageRow): ImageSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    sha256: row.sha256,
    fileName: row.fileName,
    mime: row.mime,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    createdAt: row.createdAt.toISOString(),
    thumbnailReady: row.thumbnailKey !== null,
    fileUrl: `/api/images/${encodeURIComponent(row.id)}/file`,
    thumbnailUrl: `/api/images/${encodeURIComponent(row.id)}/thumbnail`,
  };
}

export const IMAGE_SUMMARY_SELECT = {
  id: true,
  projectId: true,
  sha256: true,
  fileName: true,
  mime: true,
  byteSize: true,
  width: true,
  height: true,
  createdAt: true,
  thumbnailKey: true,
} as const;

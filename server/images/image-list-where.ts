// Which of a project's images a filtered view holds: the Images tab's page and
// the editor's previous / next walk use the same condition, so the editor
// steps through exactly the images the grid showed.
import type { TaskStatus } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { escapeLike } from "../db/escape-like";

export type ImageListFilters = {
  /** Only images whose annotate task has this status. */
  status?: TaskStatus;
  /** Case-insensitive substring of the file name, matched literally (% and _ are not wildcards). */
  q?: string;
};

export function imageListWhere(options: { projectId: string } & ImageListFilters): Prisma.ImageWhereInput {
  const { projectId, status, q } = options;
  return {
    projectId,
    ...(status && { tasks: { some: { stage: "annotate", status } } }),
    ...(q && { fileName: { contains: escapeLike(q), mode: "insensitive" } }),
  };
}

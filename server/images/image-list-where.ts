// Which of a project's images a filtered view holds: the Images tab's page and
// the editor's previous / next walk use the same condition, so the editor
// steps through exactly the images the grid showed, in the same order.
import type { DatasetIssue } from "@/lib/schemas/dataset-checks";
import { UNLABELLED_FILTER, type ImageSort } from "@/lib/schemas/images";
import type { TaskStatus } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { escapeLike } from "../db/escape-like";
import { findIssueImages } from "../quality/find-issue-images";

export type ImageListFilters = {
  /** Only images whose annotate task has this status. */
  status?: TaskStatus;
  /** Case-insensitive substring of the file name, matched literally (% and _ are not wildcards). */
  q?: string;
  /** Only images with a live mask of this label class id; "none": a live mask without a label. */
  label?: string;
  /** Only images whose annotate task this user holds or last handed in. */
  annotator?: string;
  /** Only images showing this dataset issue (resolved to ids by imageListWhereFor). */
  issue?: DatasetIssue;
  /** Order of the view; import order when absent. */
  sort?: ImageSort;
};

/** The view's condition; an issue filter needs its image ids found first (imageListWhereFor). */
export function imageListWhere(options: { projectId: string; issueImageIds?: string[] } & ImageListFilters): Prisma.ImageWhereInput {
  const { projectId, status, q, label, annotator, issueImageIds } = options;
  const and: Prisma.ImageWhereInput[] = [];
  if (issueImageIds) and.push({ id: { in: issueImageIds } });
  if (status) and.push({ tasks: { some: { stage: "annotate", status } } });
  if (q) and.push({ fileName: { contains: escapeLike(q), mode: "insensitive" } });
  if (label) and.push({ annotations: { some: { deletedAt: null, labelClassId: label === UNLABELLED_FILTER ? null : label } } });
  if (annotator) and.push({ tasks: { some: { stage: "annotate", OR: [{ assigneeId: annotator }, { lastAnnotatorId: annotator }] } } });
  return { projectId, ...(and.length > 0 && { AND: and }) };
}

export async function imageListWhereFor(options: { projectId: string; filters: ImageListFilters }): Promise<Prisma.ImageWhereInput> {
  const { projectId, filters } = options;
  const issueImageIds = filters.issue ? [...(await findIssueImages({ projectId, issue: filters.issue })).keys()] : undefined;
  return imageListWhere({ projectId, ...filters, issueImageIds });
}

/** The view's order; the id breaks ties (same second, same name) so pages and the walk never disagree. */
export function imageListOrder(sort: ImageSort | undefined): Prisma.ImageOrderByWithRelationInput[] {
  switch (sort) {
    case "newest":
      return [{ createdAt: "desc" }, { id: "desc" }];
    case "name":
      return [{ fileName: "asc" }, { id: "asc" }];
    case "name_desc":
      return [{ fileName: "desc" }, { id: "desc" }];
    default:
      return [{ createdAt: "asc" }, { id: "asc" }];
  }
}

// Which of a project's images a filtered view holds: the Images tab's page and
// the editor's previous / next walk use the same condition, so the editor
// steps through exactly the images the grid showed, in the same order.
import type { DatasetIssue } from "@/lib/schemas/dataset-checks";
import { UNLABELLED_FILTER, type ImageSort, type ReviewOutcome } from "@/lib/schemas/images";
import type { TaskStatus } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { escapeLike } from "../db/escape-like";
import { findIssueImages } from "../quality/find-issue-images";
import { findReviewOutcomeImages } from "../quality/find-review-outcome-images";
import { db } from "../db/client";
import { readLabelAttributes } from "@/lib/schemas/label-attributes";

export type ImageListFilters = {
  /** Only images whose annotate task has this status. */
  status?: TaskStatus;
  /** Case-insensitive substring of the file name, matched literally (% and _ are not wildcards). */
  q?: string;
  /** Only images with a live mask of this label class id; "none": a live mask without a label. */
  label?: string;
  /** Only images whose annotate task this user holds or last handed in. */
  annotator?: string;
  /** Only images whose image attribute has this value, "name=value" (resolved by imageListWhereFor). */
  attr?: string;
  /** Only images showing this dataset issue (resolved to ids by imageListWhereFor). */
  issue?: DatasetIssue;
  /** Only accepted images whose first hand-in review changed ("changed"), left it as it was ("as_is"), or that no one reviewed ("unreviewed"). */
  review?: ReviewOutcome;
  /** Order of the view; import order when absent. */
  sort?: ImageSort;
};

/** The view's condition once the issue and attribute filters are resolved (imageListWhereFor). */
function imageListWhere(options: { projectId: string; issueImageIds?: string[]; reviewImageIds?: string[]; attributeWhere?: Prisma.ImageWhereInput } & ImageListFilters): Prisma.ImageWhereInput {
  const { projectId, status, q, label, annotator, issueImageIds, reviewImageIds, attributeWhere } = options;
  const and: Prisma.ImageWhereInput[] = [];
  if (issueImageIds) and.push({ id: { in: issueImageIds } });
  if (reviewImageIds) and.push({ id: { in: reviewImageIds } });
  if (attributeWhere) and.push(attributeWhere);
  if (status) and.push({ tasks: { some: { stage: "annotate", status } } });
  if (q) and.push({ fileName: { contains: escapeLike(q), mode: "insensitive" } });
  if (label) and.push({ annotations: { some: { deletedAt: null, labelClassId: label === UNLABELLED_FILTER ? null : label } } });
  if (annotator) and.push({ tasks: { some: { stage: "annotate", OR: [{ assigneeId: annotator }, { lastAnnotatorId: annotator }] } } });
  return { projectId, ...(and.length > 0 && { AND: and }) };
}

/** The view's condition: an issue or review filter's image ids and an attribute filter's typed value are looked up first. */
export async function imageListWhereFor(options: { projectId: string; filters: ImageListFilters }): Promise<Prisma.ImageWhereInput> {
  const { projectId, filters } = options;
  const issueImageIds = filters.issue ? [...(await findIssueImages({ projectId, issue: filters.issue })).keys()] : undefined;
  const reviewImageIds = filters.review ? await findReviewOutcomeImages({ projectId, outcome: filters.review }) : undefined;
  const attributeWhere = filters.attr ? await imageAttributeWhere({ projectId, attr: filters.attr }) : undefined;
  return imageListWhere({ projectId, ...filters, issueImageIds, reviewImageIds, attributeWhere });
}

/**
 * "name=value" against the project's image attribute definitions: the value is
 * read as the attribute's type (yes / no, a number, a list option, text). An
 * attribute or value the project does not have matches no image.
 */
async function imageAttributeWhere(options: { projectId: string; attr: string }): Promise<Prisma.ImageWhereInput> {
  const at = options.attr.indexOf("=");
  const name = options.attr.slice(0, at);
  const raw = options.attr.slice(at + 1);
  const project = await db().project.findUnique({ where: { id: options.projectId }, select: { imageAttributes: true } });
  const definition = readLabelAttributes(project?.imageAttributes).find((candidate) => candidate.name === name);
  const nothing: Prisma.ImageWhereInput = { id: { in: [] } };
  if (!definition) return nothing;
  let value: string | number | boolean;
  if (definition.type === "checkbox") {
    if (raw !== "yes" && raw !== "no") return nothing;
    value = raw === "yes";
  } else if (definition.type === "number") {
    value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value)) return nothing;
  } else {
    value = raw;
  }
  return { attributes: { path: [definition.name], equals: value } };
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

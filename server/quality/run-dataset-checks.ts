// The Export page's "Checks before export" (managers): for each dataset issue
// how many masks and images show it, so mistakes are fixed before a model
// trains on them. GET /api/projects/:id/checks.
import { DATASET_ISSUES, DATASET_ISSUE_LABELS, IMAGE_LEVEL_ISSUES, type DatasetChecks } from "@/lib/schemas/dataset-checks";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { findIssueImages } from "./find-issue-images";

export async function runDatasetChecks(options: { actor: Actor; projectId: string }): Promise<DatasetChecks> {
  const { actor, projectId } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "check the dataset" });
  const checks = [];
  for (const issue of DATASET_ISSUES) {
    const images = await findIssueImages({ projectId, issue });
    const masks = IMAGE_LEVEL_ISSUES.includes(issue) ? null : [...images.values()].reduce((sum, count) => sum + count, 0);
    checks.push({ issue, label: DATASET_ISSUE_LABELS[issue], masks, images: images.size });
  }
  const [imagesChecked, masksChecked] = await Promise.all([
    db().image.count({ where: { projectId } }),
    db().annotation.count({ where: { projectId, deletedAt: null } }),
  ]);
  return { projectId, checks, imagesChecked, masksChecked };
}

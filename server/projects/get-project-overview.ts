// Everything the project page shows: details, members, label classes and
// task status counts. Any member may read it.
import { db } from "../db/client";
import type { Actor } from "../auth/actor";
import { canManage, requireProjectAccess } from "../auth/project-access";
import { countProjectProgress } from "./count-project-progress";
import { handInRulesOf, reviewSamplingOf } from "./read-hand-in-rules";
import { readLabelAttributes } from "@/lib/schemas/label-attributes";

export async function getProjectOverview(options: { actor: Actor; projectId: string }) {
  const access = await requireProjectAccess({ actor: options.actor, projectId: options.projectId });
  const [project, progress] = await Promise.all([
    db().project.findUniqueOrThrow({
      where: { id: options.projectId },
      select: {
        id: true,
        name: true,
        description: true,
        instructions: true,
        settings: true,
        imageAttributes: true,
        modelId: true,
        createdAt: true,
        labelClasses: {
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          // How many live masks carry each class: deleting one tells the manager what it unlabels.
          select: { id: true, name: true, color: true, description: true, attributes: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
        },
        memberships: {
          orderBy: { createdAt: "asc" },
          select: { role: true, user: { select: { id: true, name: true, email: true, active: true } } },
        },
      },
    }),
    countProjectProgress({ projectId: options.projectId }),
  ]);
  const { settings, imageAttributes, ...rest } = project;
  return {
    ...rest,
    imageAttributes: readLabelAttributes(imageAttributes),
    handInRules: handInRulesOf(settings),
    // Which hand-ins are reviewed is the managers' business: annotators are not told they may not be.
    reviewSampling: canManage(access) ? reviewSamplingOf(settings) : null,
    labelClasses: project.labelClasses.map(({ _count, attributes, ...label }) => ({ ...label, attributes: readLabelAttributes(attributes), maskCount: _count.annotations })),
    progress,
    myRole: access.role,
    canManage: canManage(access),
  };
}

export type ProjectOverview = Awaited<ReturnType<typeof getProjectOverview>>;

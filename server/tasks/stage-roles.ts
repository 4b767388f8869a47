// Which project roles work which queue. Managers (and admins) may do both:
// small teams label and review themselves.
import type { ProjectRole, TaskStage } from "../db/client";

export const STAGE_ROLES: Record<TaskStage, readonly ProjectRole[]> = {
  annotate: ["annotator", "manager"],
  review: ["reviewer", "manager"],
};

export const STAGE_VERB: Record<TaskStage, string> = { annotate: "label images", review: "review images" };

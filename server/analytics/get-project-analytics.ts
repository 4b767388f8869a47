// The Analytics tab: everything on it in one call, for the project's managers
// and admins (the same people who see the team's work table).
import type { ProjectAnalytics } from "@/lib/schemas/analytics";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { countDailyThroughput } from "./count-daily-throughput";
import { countLabelStats } from "./count-label-stats";
import { countReviewStats } from "./count-review-stats";
import { countStageStats } from "./count-stage-stats";
import { countToolUsage } from "./count-tool-usage";
import { countHandInQuality } from "./count-hand-in-quality";
import { countReviewSampling } from "./count-review-sampling";

export async function getProjectAnalytics(options: { actor: Actor; projectId: string; days: number; now?: Date }): Promise<ProjectAnalytics> {
  const { actor, projectId, days } = options;
  await requireProjectAccess({ actor, projectId, roles: ["manager"], action: "see the project's analytics" });
  const [stages, daily, labels, tools, review, reviewSampling, quality] = await Promise.all([
    countStageStats({ projectId }),
    countDailyThroughput({ projectId, days, now: options.now }),
    countLabelStats({ projectId }),
    countToolUsage({ projectId }),
    countReviewStats({ projectId }),
    countReviewSampling({ projectId }),
    countHandInQuality({ projectId }),
  ]);
  return { days, stages, daily, labels, tools, review, reviewSampling, quality };
}

// The project's Analytics tab (managers and admins): the two stages compared,
// the team's work per person, work per day over a chosen period, label
// classes, tools and review, and the per-mask telemetry as CSV.
import Link from "next/link";
import { ANALYTICS_DAY_CHOICES, type ProjectAnalytics } from "@/lib/schemas/analytics";
import type { TeamWorkRow } from "@/server/tasks/list-team-work";
import { TeamWorkTable } from "../projects/team-work-table";
import { buttonSecondary, card } from "../ui/button-styles";
import { DailyBars } from "./daily-bars";
import { LabelStatsTable } from "./label-stats-table";
import { ReviewStatsTiles } from "./review-stats-tiles";
import { ReviewSamplingTable } from "./review-sampling-table";
import { StageComparison } from "./stage-comparison";
import { ToolUsageTable } from "./tool-usage-table";
import { AnnotatorQualityTable } from "./annotator-quality-table";
import { LabelQualityTable } from "./label-quality-table";
import { ReviewerQualityTable } from "./reviewer-quality-table";
import { imagesHref } from "../images/images-href";

function Section(props: { id: string; title: string; note?: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <section className={`${card} space-y-3 p-5`} aria-labelledby={`${props.id}-heading`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={`${props.id}-heading`} className="font-medium">{props.title}</h2>
          {props.note && <p className="text-xs text-slate-500">{props.note}</p>}
        </div>
        {props.action}
      </div>
      {props.children}
    </section>
  );
}

function PeriodChooser({ projectId, days }: { projectId: string; days: number }) {
  return (
    <nav aria-label="Period" className="flex gap-1 text-xs">
      {ANALYTICS_DAY_CHOICES.map((choice) => (
        <Link
          key={choice}
          href={`/projects/${projectId}?tab=analytics&days=${choice}`}
          aria-current={choice === days ? "page" : undefined}
          className={`rounded-full border px-2.5 py-1 ${choice === days ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-600 hover:bg-slate-50"}`}
        >
          {choice} days
        </Link>
      ))}
    </nav>
  );
}

export function AnalyticsPanel(props: { projectId: string; analytics: ProjectAnalytics; teamWork: TeamWorkRow[]; periodError?: string }) {
  const { projectId, analytics } = props;
  return (
    <div className="space-y-5" data-testid="analytics-panel">
      {props.periodError && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" data-testid="period-error">Period ignored: {props.periodError}</p>
      )}
      <Section
        id="stages"
        title="Assisted-manual and semi-automatic stage"
        note="Images without a pre-fill against pre-filled images, as the SAM data engine compares its stages."
        action={
          <a href={`/api/projects/${projectId}/analytics/masks`} className={buttonSecondary} download data-testid="mask-telemetry-csv">
            Download per-mask CSV
          </a>
        }
      >
        <StageComparison stages={analytics.stages} />
      </Section>
      <Section id="team" title="Per person" note="Images each member last handed in, masks drawn in the editor (seconds and clicks as the editor recorded them), and review decisions.">
        <TeamWorkTable rows={props.teamWork} />
      </Section>
      <Section
        id="quality"
        title="Annotation quality from review"
        note={`Each image's first hand-in (before any review feedback) against the masks finally accepted; masks pair up at IoU ≥ 0.5. ${analytics.quality.handIns} hand-ins compared${analytics.quality.resubmitted > 0 ? `, plus ${analytics.quality.resubmitted} made again after a rejection (not counted here)` : ""}.`}
        action={
          <a href={`/api/projects/${projectId}/analytics/hand-ins`} className={buttonSecondary} download data-testid="hand-in-quality-csv">
            Download per-hand-in CSV
          </a>
        }
      >
        <AnnotatorQualityTable annotators={analytics.quality.annotators} />
        <LabelQualityTable labels={analytics.quality.labels} />
        <ReviewerQualityTable reviewers={analytics.quality.reviewers} />
        {analytics.quality.handIns > 0 && (
          <Link href={imagesHref(projectId, { review: "changed" })} className="inline-block text-sm text-brand-700 hover:underline" data-testid="quality-changed-images">
            Images whose first hand-in review changed →
          </Link>
        )}
      </Section>
      <Section id="daily" title="Work per day" action={<PeriodChooser projectId={projectId} days={analytics.days} />}>
        <DailyBars daily={analytics.daily} />
      </Section>
      <Section id="review" title="Review">
        <ReviewStatsTiles review={analytics.review} />
        {analytics.reviewSampling && <ReviewSamplingTable projectId={projectId} stats={analytics.reviewSampling} />}
      </Section>
      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="labels" title="Label classes" note="Live masks per class.">
          <LabelStatsTable labels={analytics.labels} />
        </Section>
        <Section id="tools" title="Editor tools" note="Live drawn masks; a mask made with several tools counts under each.">
          <ToolUsageTable tools={analytics.tools} />
        </Section>
      </div>
    </div>
  );
}

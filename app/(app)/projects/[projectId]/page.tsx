import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { firstSearchParam } from "@/lib/first-search-param";
import { pageActor } from "@/server/auth/page-actor";
import type { Actor } from "@/server/auth/actor";
import { getProjectOverview } from "@/server/projects/get-project-overview";
import { listProjectImages } from "@/server/images/list-project-images";
import { isAppError } from "@/server/errors/app-error";
import { ProjectTabs, visibleProjectTabs, type ProjectTab } from "@/components/projects/project-tabs";
import { DetectorPanel } from "@/components/detector/detector-panel";
import { LiveStatusSummary } from "@/components/projects/live-status-summary";
import { LabelClassPanel } from "@/components/projects/label-class-panel";
import { ProjectHeading } from "@/components/projects/project-heading";
import { MemberPanel } from "@/components/projects/member-panel";
import { listTeamWork } from "@/server/tasks/list-team-work";
import { listProjectChoices } from "@/server/projects/list-project-choices";
import { AnalyticsPanel } from "@/components/analytics/analytics-panel";
import { getProjectAnalytics } from "@/server/analytics/get-project-analytics";
import { analyticsQuery } from "@/lib/schemas/analytics";
import { ActivityLog } from "@/components/activity/activity-log";
import { activityQuery } from "@/lib/schemas/activity";
import { listProjectActivity } from "@/server/audit/list-project-activity";
import { ImageUploader } from "@/components/images/image-uploader";
import { ImageGrid } from "@/components/images/image-grid";
import { ImageSelectionBar } from "@/components/images/image-selection-bar";
import { SpotCheckControl } from "@/components/reviews/spot-check-control";
import { DueBatchesNotice } from "@/components/batches/due-batches-notice";
import { listDueBatches } from "@/server/batches/list-due-batches";
import { ImageFilterBar } from "@/components/images/image-filter-bar";
import { ImagePagination } from "@/components/images/image-pagination";
import { ShowMasksToggle } from "@/components/images/show-masks-toggle";
import { RefreshWhilePending } from "@/components/images/refresh-while-pending";
import { RefreshOnTaskChanges } from "@/components/images/refresh-on-task-changes";
import { imagesHref, isFilteredView, type ImageFilters } from "@/components/images/images-href";
import { imageFilterParams, listImagesQuery } from "@/lib/schemas/images";
import { describeZodError } from "@/lib/schemas/describe-zod-error";
import { FolderImportForm } from "@/components/images/folder-import-form";
import { EncodingFailures } from "@/components/projects/encoding-failures";
import { listEncodingFailures } from "@/server/sam/list-encoding-failures";
import { appConfig } from "@/server/config/app-config";
import { card } from "@/components/ui/button-styles";
import { StartWorkButtons } from "@/components/tasks/start-work-button";
import { WebhookPanel } from "@/components/webhooks/webhook-panel";
import { ImageAttributesSection } from "@/components/projects/image-attributes-section";
import { listWebhooks } from "@/server/webhooks/list-webhooks";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 48 fills whole rows at 2, 3, 4 and 6 columns.
const IMAGE_PAGE_SIZE = 48;

export const metadata: Metadata = { title: "Project" };

async function loadOverview(projectId: string) {
  const actor = await pageActor();
  try {
    return { actor, project: await getProjectOverview({ actor, projectId }) };
  } catch (error) {
    // Not a member and not found look the same: nothing leaks.
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const query = await searchParams;
  const rawTab = firstSearchParam(query.tab);
  const { actor, project } = await loadOverview(projectId);
  // A tab the viewer may not open (the managers' pre-fill tab) falls back to the images.
  const tab: ProjectTab = visibleProjectTabs(project.canManage).some((t) => t.id === rawTab) ? (rawTab as ProjectTab) : "images";
  const imageQuery = readImageQuery(query);
  const filters = imageQuery.filters;
  const images = tab === "images" ? await listProjectImages({ actor, projectId, ...filters, pageSize: IMAGE_PAGE_SIZE }) : null;
  const filtered = isFilteredView(filters);
  const analytics = tab === "analytics" ? await loadAnalytics(actor, projectId, firstSearchParam(query.days)) : null;
  const activity = tab === "activity" ? await loadActivity(actor, projectId, query) : null;
  const webhooks = tab === "webhooks" ? await listWebhooks({ actor, projectId }) : null;
  // Where a manager may copy label classes from: every other project they can see.
  const otherProjects = tab === "labels" && project.canManage ? await listProjectChoices({ actor, exceptProjectId: projectId }) : [];
  const failures = project.canManage && project.progress.failedEncodings > 0 ? await listEncodingFailures({ actor, projectId }) : [];
  const dueBatches = project.canManage ? await listDueBatches({ actor, projectId }) : [];

  return (
    <div className="space-y-6">
      <div>
        <ProjectHeading projectId={project.id} name={project.name} description={project.description} instructions={project.instructions} handInRules={project.handInRules} reviewSampling={project.reviewSampling} canManage={project.canManage} imageCount={project.progress.imageCount} />
        <p className="mt-1 text-xs text-slate-500">Your role: {project.myRole} · Model: {project.modelId}</p>
        <div className="mt-3"><StartWorkButtons projectId={project.id} role={project.myRole} /></div>
      </div>
      <LiveStatusSummary initial={project.progress} />
      <EncodingFailures failures={failures} />
      <DueBatchesNotice projectId={project.id} batches={dueBatches} />
      <div>
        <ProjectTabs projectId={project.id} active={tab} canManage={project.canManage} />
        {tab === "images" && images && (
          <div className="space-y-5">
            {project.canManage && <ImageUploader projectId={project.id} />}
            {actor.role === "admin" && (
              <details className={`${card} p-4`}>
                <summary className="cursor-pointer text-sm font-medium text-slate-700">Import a folder from the server (admin)</summary>
                <div className="mt-3"><FolderImportForm projectId={project.id} importRoot={appConfig().importRoot} /></div>
              </details>
            )}
            {project.progress.imageCount > 0 && (
              <ImageFilterBar
                projectId={project.id}
                filters={filters}
                statusCounts={project.progress.statusCounts}
                imageCount={project.progress.imageCount}
                labelClasses={project.labelClasses.map((label) => ({ id: label.id, name: label.name }))}
                annotators={project.memberships.filter((m) => m.role !== "reviewer").map((m) => ({ id: m.user.id, name: m.user.name }))}
                imageAttributes={project.imageAttributes}
              />
            )}
            {imageQuery.error && (
              <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">Filter ignored: {imageQuery.error}</p>
            )}
            {images.total > 0 && (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-0 flex-1"><ImagePagination projectId={project.id} filters={filters} {...images} /></div>
                <ShowMasksToggle />
              </div>
            )}
            {/* Mounted whatever the list holds, so its notice ("Sent 3 images to review.")
                outlives the refresh that empties a filtered view. */}
            {project.canManage && (
              <ImageSelectionBar
                projectId={project.id}
                pageImages={images.items.map((image) => ({ id: image.id, fileName: image.fileName, maskCount: image.maskCount }))}
                assignees={project.memberships.filter((m) => m.role !== "reviewer" && m.user.active).map((m) => ({ id: m.user.id, name: m.user.name }))}
              />
            )}
            {project.canManage && filters.review === "unreviewed" && (
              <SpotCheckControl
                projectId={project.id}
                annotator={spotCheckAnnotator(project.memberships, filters.annotator)}
                // The view counts exactly what the draw picks from unless other filters narrow it.
                waiting={isFilteredView({ ...filters, review: undefined, annotator: undefined }) ? undefined : images.total}
              />
            )}
            {images.total === 0 && !filtered ? (
              <div className={`${card} p-10 text-center`}>
                <h2 className="font-medium">No images yet</h2>
                <p className="mt-1 text-sm text-slate-600">
                  {project.canManage ? "Drop images above to import them." : "A project manager has not imported images yet."}
                </p>
              </div>
            ) : images.total === 0 ? (
              <div className={`${card} p-10 text-center`} data-testid="no-matching-images">
                <h2 className="font-medium">No images match</h2>
                <p className="mt-1 text-sm text-slate-600">
                  <Link href={imagesHref(project.id, {})} className="text-brand-700 underline">Show all images</Link>
                </p>
              </div>
            ) : (
              <>
                <ImageGrid images={images.items} filters={filters} canManage={project.canManage} />
                {images.items.some((image) => !image.thumbnailReady) && <RefreshWhilePending />}
                <RefreshOnTaskChanges projectId={project.id} imageIds={images.items.map((image) => image.id)} />
                {images.pageCount > 1 && <ImagePagination projectId={project.id} filters={filters} {...images} />}
              </>
            )}
          </div>
        )}
        {tab === "labels" && (
          <section className={`${card} p-5`} aria-label="Label classes">
            <LabelClassPanel projectId={project.id} labels={project.labelClasses} canManage={project.canManage} otherProjects={otherProjects} />
            <div className="mt-4"><ImageAttributesSection projectId={project.id} attributes={project.imageAttributes} canManage={project.canManage} /></div>
          </section>
        )}
        {tab === "prefill" && project.canManage && <DetectorPanel projectId={project.id} />}
        {tab === "members" && (
          <section className={`${card} p-5`} aria-label="Members">
            <MemberPanel projectId={project.id} members={project.memberships} canManage={project.canManage} />
          </section>
        )}
        {tab === "analytics" && analytics && <AnalyticsPanel projectId={project.id} {...analytics} />}
        {tab === "activity" && activity && (
          <ActivityLog projectId={project.id} {...activity} people={project.memberships.map((m) => ({ id: m.user.id, name: m.user.name }))} />
        )}
        {tab === "webhooks" && webhooks && <WebhookPanel projectId={project.id} initialWebhooks={webhooks} />}
      </div>
    </div>
  );
}

/** The Analytics tab's figures; a bad period is named and the default used. */
async function loadAnalytics(actor: Actor, projectId: string, rawDays: string | undefined) {
  const parsed = analyticsQuery.safeParse({ days: rawDays });
  const days = parsed.success ? parsed.data.days : analyticsQuery.parse({}).days;
  const [analytics, teamWork] = await Promise.all([getProjectAnalytics({ actor, projectId, days }), listTeamWork({ actor, projectId })]);
  return { analytics, teamWork, periodError: parsed.success ? undefined : describeZodError(parsed.error) };
}

/** The Activity tab's page; a bad filter is named and dropped. */
async function loadActivity(actor: Actor, projectId: string, query: Record<string, string | string[] | undefined>) {
  const raw = { kind: firstSearchParam(query.kind), userId: firstSearchParam(query.userId) || undefined, page: firstSearchParam(query.page) };
  const parsed = activityQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : activityQuery.parse({});
  const activity = await listProjectActivity({ actor, projectId, query: filters });
  return { activity, filters, filterError: parsed.success ? undefined : describeZodError(parsed.error) };
}

/** The Images tab's filters from the URL; a bad one is named and dropped rather than failing the page. */
function readImageQuery(query: Record<string, string | string[] | undefined>): { filters: ImageFilters; error?: string } {
  const parsed = listImagesQuery.safeParse({ ...imageFilterParams(query), page: firstSearchParam(query.page) });
  if (parsed.success) {
    const { status, q, label, annotator, attr, issue, review, sort, page } = parsed.data;
    return { filters: { status, q, label, annotator, attr, issue, review, sort, page } };
  }
  return { filters: {}, error: describeZodError(parsed.error) };
}

/** The Images tab's annotator filter as the spot check's "from whom" (a former member keeps their id). */
function spotCheckAnnotator(memberships: { user: { id: string; name: string } }[], annotatorId: string | undefined) {
  if (!annotatorId) return undefined;
  return { id: annotatorId, name: memberships.find((m) => m.user.id === annotatorId)?.user.name ?? "the chosen annotator" };
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { getTask } from "@/server/tasks/get-task";
import { getWorkPageContext } from "@/server/tasks/get-work-page-context";
import { ReviewView } from "@/components/reviews/review-view";
import { ProjectInstructions } from "@/components/projects/project-instructions";
import { readImageAttributes } from "@/server/images/read-image-attributes";
import { describeAttributeValues } from "@/lib/schemas/label-attributes";
import { describeResubmission } from "@/server/quality/describe-resubmission";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string; taskId: string }> };

export default async function ReviewPage({ params }: Props) {
  const { projectId, taskId } = await params;
  const actor = await pageActor();
  const [project, task] = await Promise.all([getWorkPageContext({ actor, projectId }), getTask({ actor, taskId })]).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  // A review task is judged here; any other task of the project is watched live, read only.
  if (task.projectId !== projectId) notFound();
  const imageAttributes = describeAttributeValues(await readImageAttributes({ imageId: task.imageId }));
  // Only a review looks back at the hand-in it sent back; watching live does not.
  const resubmission = task.stage === "review" ? await describeResubmission({ imageId: task.imageId }) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">
        {task.stage === "review" ? "Review" : "Watching live"} · <span className="text-slate-600">{project.name}</span>
      </h1>
      <ProjectInstructions text={project.instructions} />
      {imageAttributes && (
        <p className="text-sm text-slate-600" data-testid="review-image-attributes">
          <span className="font-medium text-slate-800">Image:</span> {imageAttributes}
        </p>
      )}
      <ReviewView task={task} labels={project.labelClasses} resubmission={resubmission} />
    </div>
  );
}

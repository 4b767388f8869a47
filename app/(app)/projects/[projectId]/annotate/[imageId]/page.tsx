// The annotation editor. `?task=<taskId>` (from the queue) is forwarded with
// every save so the server can check the lease, and opens the task editor:
// Submit / Skip / Stop, the reviewer's comments, presence, and "next image"
// meaning the next image of the annotator's queue. Without a task, `?status=`
// and `?q=` (from a filtered Images view) make previous / next walk that view.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { loadEditorPage } from "@/server/annotations/load-editor-page";
import { getTask } from "@/server/tasks/get-task";
import { peekNextTaskImages } from "@/server/tasks/peek-next-task-images";
import { AnnotationEditor } from "@/components/editor/views/annotation-editor";
import { EditorPresence } from "@/components/tasks/editor-presence";
import { TaskEditor, type EditorTask } from "@/components/tasks/task-editor";
import { annotateHref, imagesHref, type ImageFilters } from "@/components/images/images-href";
import { imageFilterParams, imageFiltersQuery } from "@/lib/schemas/images";

type Props = {
  params: Promise<{ projectId: string; imageId: string }>;
  searchParams: Promise<{ task?: string | string[]; status?: string | string[]; q?: string | string[]; sort?: string | string[] }>;
};

export const metadata: Metadata = { title: "Annotate" };

/** The task named in the URL when it is this image's, as the actor may see it; else null (the plain editor). */
async function taskOfImage(options: { actor: Awaited<ReturnType<typeof pageActor>>; taskId: string | null; imageId: string }): Promise<EditorTask | null> {
  if (!options.taskId) return null;
  try {
    const task = await getTask({ actor: options.actor, taskId: options.taskId });
    return task.imageId === options.imageId ? { id: task.id, stage: task.stage } : null;
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}

export default async function AnnotatePage({ params, searchParams }: Props) {
  const { projectId, imageId } = await params;
  const { task: taskParam, ...filterParams } = await searchParams;
  // Opened from a filtered Images view: walk that view. A bad filter is dropped (the grid names it).
  const parsedFilters = imageFiltersQuery.safeParse(imageFilterParams(filterParams));
  const filters: ImageFilters = parsedFilters.success ? parsedFilters.data : {};
  const taskId = typeof taskParam === "string" && taskParam.length > 0 && taskParam.length <= 64 ? taskParam : null;
  const actor = await pageActor();
  let data;
  try {
    data = await loadEditorPage({ actor, projectId, imageId, filters });
  } catch (error) {
    // Not a member and not found look the same: nothing leaks.
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const href = (id: string | null) => (id ? annotateHref(projectId, id, filters) : null);
  const user = { id: actor.id, name: actor.name };
  const task = await taskOfImage({ actor, taskId, imageId });
  if (task) {
    // From the queue, the image that follows is the next task, not the next import: its
    // embedding is what the browser should prefetch (the runtime prefetches `nextImageId`).
    const [upcoming] = task.stage === "annotate" ? await peekNextTaskImages({ projectId, actorId: actor.id, excludeImageId: imageId, count: 1 }) : [data.nextImageId];
    return <TaskEditor key={`${imageId}:${task.id}`} data={{ ...data, nextImageId: upcoming ?? null }} task={task} user={user} nextHref={href(data.nextImageId)} />;
  }
  // "Next image" walks the project (or the filtered view) in import order.
  return (
    <AnnotationEditor
      key={imageId}
      data={data}
      taskId={taskId}
      user={user}
      previousHref={href(data.previousImageId)}
      nextHref={href(data.nextImageId)}
      backHref={imagesHref(projectId, filters)}
      headerSlot={<EditorPresence imageId={imageId} selfId={actor.id} />}
    />
  );
}

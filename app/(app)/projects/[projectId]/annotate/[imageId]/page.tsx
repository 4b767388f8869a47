// The annotation editor. `?task=<taskId>` (from the queue) is forwarded with
// every save so the server can check the lease.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { loadEditorPage } from "@/server/annotations/load-editor-page";
import { AnnotationEditor } from "@/components/editor/views/annotation-editor";
import { TaskActionsBar } from "@/components/tasks/task-actions-bar";

type Props = {
  params: Promise<{ projectId: string; imageId: string }>;
  searchParams: Promise<{ task?: string | string[] }>;
};

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage({ params, searchParams }: Props) {
  const { projectId, imageId } = await params;
  const { task } = await searchParams;
  const taskId = typeof task === "string" && task.length > 0 && task.length <= 64 ? task : null;
  const actor = await pageActor();
  let data;
  try {
    data = await loadEditorPage({ actor, projectId, imageId });
  } catch (error) {
    // Not a member and not found look the same: nothing leaks.
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  // "Next image" walks the project in import order. QUEUE HOOK: with a task, the
  // queue may send the annotator to their next task instead (compute nextHref here).
  const href = (id: string | null) => (id ? `/projects/${projectId}/annotate/${id}` : null);
  return (
    <>
      <AnnotationEditor
        key={imageId}
        data={data}
        taskId={taskId}
        user={{ id: actor.id, name: actor.name }}
        previousHref={href(data.previousImageId)}
        nextHref={href(data.nextImageId)}
      />
      {taskId && (
        // Opened from the queue: keep the lease alive and offer Submit / Skip / Stop.
        <div className="fixed bottom-4 left-4 z-40 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <TaskActionsBar projectId={projectId} taskId={taskId} />
        </div>
      )}
    </>
  );
}

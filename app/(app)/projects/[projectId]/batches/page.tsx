import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { listBatches } from "@/server/batches/list-batches";
import { getWorkPageContext } from "@/server/tasks/get-work-page-context";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { BatchBoard } from "@/components/batches/batch-board";
import { card } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Batches" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export default async function BatchesPage({ params }: Props) {
  const { projectId } = await params;
  const actor = await pageActor();
  const project = await getWorkPageContext({ actor, projectId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const overview = project.canManage ? await listBatches({ actor, projectId }) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{project.name}</h1>
      <ProjectTabs projectId={projectId} active="batches" canManage={project.canManage} />
      {overview ? <BatchBoard initial={overview} /> : <p className={`${card} p-6 text-sm text-slate-600`}>Only the project&apos;s managers cut and assign batches. Your work is in the work queue.</p>}
    </div>
  );
}

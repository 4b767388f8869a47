import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { getQueueSummary } from "@/server/tasks/get-queue-summary";
import { getWorkPageContext } from "@/server/tasks/get-work-page-context";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { QueuePanel } from "@/components/tasks/queue-panel";
import { MyWorkCard } from "@/components/tasks/my-work-card";
import { HandInRulesNote, ProjectInstructions } from "@/components/projects/project-instructions";
import { countMyWork } from "@/server/tasks/count-my-work";
import { FormSuccess } from "@/components/ui/form-message";
import { OpenQuestionsList } from "@/components/questions/open-questions-list";
import { listOpenQuestions } from "@/server/questions/list-questions";

export const metadata: Metadata = { title: "Work queue" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  submitted: "Submitted. Your queue is empty for now: new images will show up here.",
  skipped: "Skipped. Your queue is empty for now.",
  reviewed: "Review saved. Nothing else waits for review right now.",
};

export default async function QueuePage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { done } = await searchParams;
  const actor = await pageActor();
  const loaded = await Promise.all([getWorkPageContext({ actor, projectId }), getQueueSummary({ actor, projectId }), countMyWork({ actor, projectId })]).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  const [project, summary, myWork] = loaded;
  const questions = project.canManage ? await listOpenQuestions({ actor, projectId }) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{project.name}</h1>
      <ProjectTabs projectId={projectId} active="queue" canManage={project.canManage} />
      <FormSuccess message={done ? (DONE[done] ?? null) : null} />
      <OpenQuestionsList projectId={projectId} initial={questions} />
      <QueuePanel initial={summary} projectId={projectId} />
      <ProjectInstructions text={project.instructions} defaultOpen />
      <HandInRulesNote rules={project.handInRules} />
      <MyWorkCard work={myWork} />
    </div>
  );
}

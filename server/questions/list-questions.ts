// The questions of one image (editor panel; any member), and a project's
// unanswered ones (managers), oldest first.
import type { QuestionDto } from "@/lib/schemas/questions";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { QUESTION_SELECT, toQuestionDtos } from "./to-question-dto";

const MAX_OPEN_LISTED = 200;

export async function listImageQuestions(options: { actor: Actor; imageId: string }): Promise<QuestionDto[]> {
  const image = await db().image.findUnique({ where: { id: options.imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor: options.actor, projectId: image.projectId });
  const rows = await db().imageQuestion.findMany({ where: { imageId: options.imageId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: QUESTION_SELECT });
  return toQuestionDtos(rows);
}

export async function listOpenQuestions(options: { actor: Actor; projectId: string }): Promise<QuestionDto[]> {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: "see the questions" });
  const rows = await db().imageQuestion.findMany({
    where: { projectId: options.projectId, answeredAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_OPEN_LISTED,
    select: QUESTION_SELECT,
  });
  return toQuestionDtos(rows);
}

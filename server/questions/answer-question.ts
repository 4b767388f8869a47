// A manager answers a question (or corrects an earlier answer); the answer
// shows under the question in the editor, and the question leaves the open list.
import { answerQuestionInput, type QuestionDto } from "@/lib/schemas/questions";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { QUESTION_SELECT, toQuestionDtos } from "./to-question-dto";

export async function answerQuestion(options: { actor: Actor; questionId: string; input: unknown }): Promise<QuestionDto> {
  const { actor, questionId } = options;
  const question = await db().imageQuestion.findUnique({ where: { id: questionId }, select: { projectId: true, imageId: true } });
  if (!question) throw new AppError("not_found", "Question not found.");
  await requireProjectAccess({ actor, projectId: question.projectId, roles: ["manager"], action: "answer questions" });
  const input = answerQuestionInput.parse(options.input);
  const row = await db().$transaction(async (tx) => {
    const updated = await tx.imageQuestion.update({ where: { id: questionId }, data: { answer: input.answer, answeredById: actor.id, answeredAt: new Date() }, select: QUESTION_SELECT });
    await recordAuditEvent({ tx, actorId: actor.id, projectId: question.projectId, action: "question.answer", targetType: "image", targetId: question.imageId, data: { answer: input.answer.slice(0, 200) } });
    return updated;
  });
  const [dto] = await toQuestionDtos([row]);
  return dto!;
}

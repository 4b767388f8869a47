// Any member who can open an image may ask the managers about it ("is the
// reflection a car?"); the question shows in the editor for everyone who
// opens the image and in the managers' open list until answered.
import { askQuestionInput, type QuestionDto } from "@/lib/schemas/questions";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { QUESTION_SELECT, toQuestionDtos } from "./to-question-dto";

export async function askQuestion(options: { actor: Actor; imageId: string; input: unknown }): Promise<QuestionDto> {
  const { actor, imageId } = options;
  const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
  if (!image) throw new AppError("not_found", "Image not found.");
  await requireProjectAccess({ actor, projectId: image.projectId });
  const input = askQuestionInput.parse(options.input);
  const row = await db().$transaction(async (tx) => {
    const created = await tx.imageQuestion.create({ data: { projectId: image.projectId, imageId, authorId: actor.id, text: input.text }, select: QUESTION_SELECT });
    await recordAuditEvent({ tx, actorId: actor.id, projectId: image.projectId, action: "question.ask", targetType: "image", targetId: imageId, data: { text: input.text.slice(0, 200) } });
    return created;
  });
  const [dto] = await toQuestionDtos([row]);
  return dto!;
}

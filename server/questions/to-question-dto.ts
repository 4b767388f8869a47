// Question rows as the API returns them, with the names of who asked and who
// answered (ids only in the table: a removed member's questions stay readable).
import type { QuestionDto } from "@/lib/schemas/questions";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export const QUESTION_SELECT = {
  id: true,
  projectId: true,
  imageId: true,
  text: true,
  authorId: true,
  answer: true,
  answeredById: true,
  answeredAt: true,
  createdAt: true,
  image: { select: { fileName: true } },
} satisfies Prisma.ImageQuestionSelect;

type QuestionRow = Prisma.ImageQuestionGetPayload<{ select: typeof QUESTION_SELECT }>;

export async function toQuestionDtos(rows: QuestionRow[]): Promise<QuestionDto[]> {
  const ids = [...new Set(rows.flatMap((row) => [row.authorId, ...(row.answeredById ? [row.answeredById] : [])]))];
  const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    imageId: row.imageId,
    fileName: row.image.fileName,
    text: row.text,
    authorName: nameOf.get(row.authorId) ?? "a former member",
    createdAt: row.createdAt.toISOString(),
    answer: row.answer,
    answeredByName: row.answeredById ? (nameOf.get(row.answeredById) ?? "a former member") : null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
  }));
}

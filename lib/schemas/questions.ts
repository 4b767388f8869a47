// Questions annotators ask the project's managers about one image, and the
// answers: the editor's "Questions" panel and the managers' open list.
import { z } from "zod";

export const askQuestionInput = z.object({
  text: z.string({ error: "Write the question in text" }).trim().min(1, "Write the question").max(1000, "A question is at most 1000 characters"),
});
export const answerQuestionInput = z.object({
  answer: z.string({ error: "Write the answer in answer" }).trim().min(1, "Write the answer").max(2000, "An answer is at most 2000 characters"),
});

export type QuestionDto = {
  id: string;
  projectId: string;
  imageId: string;
  fileName: string;
  text: string;
  authorName: string;
  createdAt: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
};

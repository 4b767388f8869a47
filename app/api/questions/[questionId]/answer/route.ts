// POST { answer }: a manager answers a question (again: replaces the answer).
// 200 QuestionDto | 400 | 403 | 404.
import { withActor } from "@/server/http/route-handler";
import { answerQuestion } from "@/server/questions/answer-question";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ questionId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const input = await readTaskJson({ request });
    return Response.json(await answerQuestion({ actor, questionId: (await params).questionId, input }));
  });
}

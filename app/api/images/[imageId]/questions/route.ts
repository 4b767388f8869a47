// GET: the image's questions to the managers, with their answers (any member).
// POST { text }: ask one (any member) -> 201 QuestionDto | 400 | 404.
import { withActor } from "@/server/http/route-handler";
import { askQuestion } from "@/server/questions/ask-question";
import { listImageQuestions } from "@/server/questions/list-questions";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ imageId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json({ questions: await listImageQuestions({ actor, imageId: (await params).imageId }) }, { headers: { "cache-control": "no-store" } }));
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const input = await readTaskJson({ request });
    return Response.json(await askQuestion({ actor, imageId: (await params).imageId, input }), { status: 201 });
  });
}

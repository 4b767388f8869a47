// GET: the project's unanswered questions, oldest first (managers). 200 { questions } | 403 | 404.
import { withActor } from "@/server/http/route-handler";
import { listOpenQuestions } from "@/server/questions/list-questions";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json({ questions: await listOpenQuestions({ actor, projectId: (await params).projectId }) }, { headers: { "cache-control": "no-store" } }));
}

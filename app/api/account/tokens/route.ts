// The signed-in person's API tokens (session only: a token cannot list, make
// or revoke tokens).
// GET  → 200 { tokens: ApiTokenDto[] } (not revoked, newest first)
// POST { name, lifetime: "30"|"90"|"365"|"never", projectIds?: string[] (limit it to these of your projects), readOnly?: boolean (GET / HEAD only),
//        projectRole?: "annotator"|"reviewer" (act with that role only, where yours covers it) }
//      → 201 { token, secret } (the secret is shown this once)
//      | 400 bad name / lifetime / a project you are not in / too many live tokens | 401 | 403 called with a token
import { createApiTokenInput } from "@/lib/schemas/api-tokens";
import { withActor } from "@/server/http/route-handler";
import { createApiToken } from "@/server/api-tokens/create-api-token";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { requireSignedInSession } from "@/server/api-tokens/require-signed-in-session";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withActor(request, async (actor) => {
    requireSignedInSession(actor, "list API tokens");
    return Response.json({ tokens: await listApiTokens({ actor }) });
  });
}

export async function POST(request: Request): Promise<Response> {
  return withActor(request, async (actor) => {
    requireSignedInSession(actor, "create API tokens");
    const input = createApiTokenInput.parse(await readTaskJson({ request }));
    return Response.json(await createApiToken({ actor, input }), { status: 201, headers: { "cache-control": "no-store" } });
  });
}

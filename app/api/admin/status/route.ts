// GET: the installation's status for admins (worker heartbeats, job queues,
// encoding, webhooks, database and disk); monitoring can poll it with an API token.
import { withActor } from "@/server/http/route-handler";
import { getSystemStatus } from "@/server/ops/get-system-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withActor(request, async (actor) => Response.json(await getSystemStatus({ actor }), { headers: { "cache-control": "no-store" } }));
}

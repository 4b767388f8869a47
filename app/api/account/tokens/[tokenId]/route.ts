// DELETE: revoke one of the signed-in person's API tokens.
// 200 { tokenId, name } | 401 | 403 called with a token | 404 not theirs or already revoked
import { withActor } from "@/server/http/route-handler";
import { revokeApiToken } from "@/server/api-tokens/revoke-api-token";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ tokenId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { tokenId } = await params;
    return Response.json(await revokeApiToken({ actor, tokenId }));
  });
}

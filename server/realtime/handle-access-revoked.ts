// The one call the membership and user-admin functions make after their
// commit when someone loses access: hand their work back to the pool and cut
// their live connection (per project, or entirely when deactivated).
import { releaseMemberWork } from "../tasks/release-member-work";
import { disconnectUserSockets, revokeProjectSockets } from "./revoke-user-sockets";

export async function handleAccessRevoked(options: { userId: string; projectId?: string }): Promise<void> {
  try {
    await releaseMemberWork(options);
    if (options.projectId) await revokeProjectSockets({ userId: options.userId, projectId: options.projectId });
    else await disconnectUserSockets({ userId: options.userId });
  } catch (error) {
    // The revocation itself is committed and enforced on every call; this is the follow-up.
    console.error("[realtime] access revocation follow-up failed", error instanceof Error ? error.message : error);
  }
}

// The one call the membership and user-admin functions make after their
// commit when someone loses access: hand their work back to the pool and cut
// their live connection (per project, or entirely when deactivated), here and,
// through the live-event outbox, in every other app process.
import { releaseMemberWork } from "../tasks/release-member-work";
import { appendRealtimeEvent } from "./append-realtime-event";
import { disconnectUserSockets, revokeProjectSockets } from "./revoke-user-sockets";

/** Tells the other app processes' relays to cut this user's sockets there too (server/main.ts). */
export const ACCESS_REVOKED_CONTROL = "control:access-revoked";
export type AccessRevokedControl = { userId: string; projectId?: string };

/** Cuts the user's sockets in this process (the relay calls it for revocations made by another process). */
export async function revokeLocalSockets(options: AccessRevokedControl): Promise<void> {
  if (options.projectId) await revokeProjectSockets({ userId: options.userId, projectId: options.projectId });
  else await disconnectUserSockets({ userId: options.userId });
}

export async function handleAccessRevoked(options: { userId: string; projectId?: string }): Promise<void> {
  try {
    await releaseMemberWork(options);
    await revokeLocalSockets(options);
    const control: AccessRevokedControl = { userId: options.userId, ...(options.projectId ? { projectId: options.projectId } : {}) };
    await appendRealtimeEvent({ rooms: [], event: ACCESS_REVOKED_CONTROL, payload: control });
  } catch (error) {
    // The revocation itself is committed and enforced on every call; this is the follow-up.
    console.error("[realtime] access revocation follow-up failed", error instanceof Error ? error.message : error);
  }
}

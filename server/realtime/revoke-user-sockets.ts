// Cutting a user off live updates the moment their access ends. Removed from a
// project: their sockets leave the project's room and its image rooms (they
// stay connected for their other projects). Deactivated: every socket of
// theirs is disconnected; the handshake refuses them from then on (their
// sessions are deleted and findActor checks `active`). Acts on this process's
// sockets; other app processes apply it when their relay reads the
// control:access-revoked event (server/realtime/handle-access-revoked.ts).
// A process without a socket server (worker, scripts) does nothing.
import { imageRoom, userRoom } from "./publish-event";
import { broadcastImagePresence, viewingOf, type CollaborationData } from "./presence";
import { projectRoom, socketServer } from "./socket-server";

export type AccessRevokedEvent = { projectId: string | null; reason: "removed_from_project" | "deactivated" };

export async function revokeProjectSockets(options: { userId: string; projectId: string }): Promise<number> {
  const io = socketServer();
  if (!io) return 0;
  const sockets = await io.in(userRoom(options.userId)).fetchSockets();
  for (const socket of sockets) {
    const leaving = viewingOf(socket).filter((entry) => entry.projectId === options.projectId);
    socket.leave(projectRoom(options.projectId));
    for (const entry of leaving) socket.leave(imageRoom(entry.imageId));
    // Local sockets: keep presence data honest (remote ones update on their next event).
    const local = io.sockets.sockets.get(socket.id);
    if (local) (local.data as CollaborationData).viewing = viewingOf(local).filter((entry) => entry.projectId !== options.projectId);
    socket.emit("access:revoked", { projectId: options.projectId, reason: "removed_from_project" } satisfies AccessRevokedEvent);
    for (const entry of leaving) await broadcastImagePresence(io, entry).catch(() => undefined);
  }
  return sockets.length;
}

export async function disconnectUserSockets(options: { userId: string }): Promise<number> {
  const io = socketServer();
  if (!io) return 0;
  const sockets = await io.in(userRoom(options.userId)).fetchSockets();
  io.to(userRoom(options.userId)).emit("access:revoked", { projectId: null, reason: "deactivated" } satisfies AccessRevokedEvent);
  io.in(userRoom(options.userId)).disconnectSockets(true);
  return sockets.length;
}

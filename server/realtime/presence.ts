// Presence: who has which image open. Computed from the sockets themselves
// (socket.data.viewing), not kept in a separate map, so it cannot drift.
// Limitation: fetchSockets() sees this app process only (events cross
// processes through the Postgres outbox, but no socket.io cluster adapter is
// installed), so with several app processes a viewer on another process is
// not listed.
import type { RemoteSocket, Server, Socket } from "socket.io";
import type { Actor } from "../auth/actor";
import { projectRoom } from "./socket-server";
import { imageRoom } from "./publish-event";

export type Viewing = { imageId: string; projectId: string };
export type CollaborationData = { actor: Actor; viewing?: Viewing[] };
export type Viewer = { id: string; name: string };
export type ImagePresenceEvent = { projectId: string; imageId: string; viewers: Viewer[] };

type AnySocket = Socket | RemoteSocket<Record<string, never>, unknown>;

export function viewingOf(socket: AnySocket): Viewing[] {
  return (socket.data as CollaborationData | undefined)?.viewing ?? [];
}

function uniqueViewers(sockets: AnySocket[]): Viewer[] {
  const viewers = new Map<string, Viewer>();
  for (const socket of sockets) {
    const actor = (socket.data as CollaborationData | undefined)?.actor;
    if (actor) viewers.set(actor.id, { id: actor.id, name: actor.name });
  }
  return [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function imageViewers(io: Server, imageId: string): Promise<Viewer[]> {
  return uniqueViewers(await io.in(imageRoom(imageId)).fetchSockets());
}

/** Tells the project (lists, batch pages) and the image's own viewers who is on it now. */
export async function broadcastImagePresence(io: Server, viewing: Viewing): Promise<void> {
  const event: ImagePresenceEvent = { ...viewing, viewers: await imageViewers(io, viewing.imageId) };
  io.to([projectRoom(viewing.projectId), imageRoom(viewing.imageId)]).emit("presence:image", event);
}

/** Everyone viewing an image of the project, by image: the snapshot a page starts from. */
export async function projectPresence(io: Server, projectId: string): Promise<Record<string, Viewer[]>> {
  const sockets = await io.fetchSockets();
  const byImage = new Map<string, AnySocket[]>();
  for (const socket of sockets) {
    for (const viewing of viewingOf(socket)) {
      if (viewing.projectId !== projectId) continue;
      byImage.set(viewing.imageId, [...(byImage.get(viewing.imageId) ?? []), socket]);
    }
  }
  return Object.fromEntries([...byImage.entries()].map(([imageId, list]) => [imageId, uniqueViewers(list)]));
}

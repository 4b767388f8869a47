// Per-socket handlers for working together on images: `image:join` (authorised
// per event: the image's project must be visible to the actor, who must still
// be active), `image:leave`, `presence:list`. Joining an image room is what
// lets a viewer receive that image's live annotation and task events.
import type { Server, Socket } from "socket.io";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError, isAppError } from "../errors/app-error";
import { broadcastImagePresence, projectPresence, viewingOf, type CollaborationData, type Viewer } from "./presence";
import { imageRoom } from "./publish-event";

type Ack<T = undefined> = (response: ({ ok: true } & (T extends undefined ? object : { data: T })) | { ok: false; error: { code: string; message: string } }) => void;

const MAX_IMAGES_PER_SOCKET = 20;

function failure(error: unknown) {
  return { ok: false as const, error: isAppError(error) ? { code: error.code, message: error.message } : { code: "bad_request", message: error instanceof Error ? error.message : String(error) } };
}

function requireId(value: unknown, name: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 100) throw new AppError("bad_request", `${name} must be an id string`);
  return value;
}

/** Re-reads the actor's state: a deactivation takes effect at the next event even before the socket is cut. */
async function requireActiveActor(socket: Socket) {
  const { actor } = socket.data as CollaborationData;
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { active: true } });
  if (!user?.active) throw new AppError("unauthenticated", "Your account is no longer active.");
  return actor;
}

export function registerCollaborationHandlers(io: Server, socket: Socket): void {
  const data = socket.data as CollaborationData;
  data.viewing = [];

  socket.on("image:join", async (rawImageId: unknown, ack?: Ack<{ viewers: Viewer[] }>) => {
    try {
      const imageId = requireId(rawImageId, "imageId");
      const actor = await requireActiveActor(socket);
      const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
      if (!image) throw new AppError("not_found", "Image not found.");
      await requireProjectAccess({ actor, projectId: image.projectId });
      const viewing = viewingOf(socket);
      if (!viewing.some((entry) => entry.imageId === imageId)) {
        if (viewing.length >= MAX_IMAGES_PER_SOCKET) throw new AppError("bad_request", `At most ${MAX_IMAGES_PER_SOCKET} images open per connection.`);
        data.viewing = [...viewing, { imageId, projectId: image.projectId }];
      }
      await socket.join(imageRoom(imageId));
      await broadcastImagePresence(io, { imageId, projectId: image.projectId });
      const viewers = (await io.in(imageRoom(imageId)).fetchSockets()).map((s) => (s.data as CollaborationData).actor);
      ack?.({ ok: true, data: { viewers: [...new Map(viewers.map((v) => [v.id, { id: v.id, name: v.name }])).values()] } });
    } catch (error) {
      ack?.(failure(error));
    }
  });

  socket.on("image:leave", async (rawImageId: unknown) => {
    if (typeof rawImageId !== "string") return;
    const entry = viewingOf(socket).find((candidate) => candidate.imageId === rawImageId);
    if (!entry) return;
    data.viewing = viewingOf(socket).filter((candidate) => candidate.imageId !== rawImageId);
    await socket.leave(imageRoom(rawImageId));
    await broadcastImagePresence(io, entry).catch(() => undefined);
  });

  socket.on("presence:list", async (rawProjectId: unknown, ack?: Ack<Record<string, Viewer[]>>) => {
    try {
      const projectId = requireId(rawProjectId, "projectId");
      await requireProjectAccess({ actor: await requireActiveActor(socket), projectId });
      ack?.({ ok: true, data: await projectPresence(io, projectId) });
    } catch (error) {
      ack?.(failure(error));
    }
  });

  socket.on("disconnect", () => {
    const left = viewingOf(socket);
    data.viewing = [];
    for (const entry of left) void broadcastImagePresence(io, entry).catch(() => undefined);
  });
}

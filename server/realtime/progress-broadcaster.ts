// Pushes project progress (task counts, encoder progress) to everyone
// watching a project page. The worker runs in another process and the
// embedded database cannot hold a LISTEN connection, so the app process
// polls — only for projects someone is watching, and emits only changes.
// `refresh()` runs a poll at once: the realtime relay calls it when the worker
// reports a finished encoding or pre-fill, so counts move without waiting.
import type { Server } from "socket.io";
import { countProjectProgress } from "../projects/count-project-progress";
import { projectRoom } from "./socket-server";

const PROJECT_ROOM_PREFIX = projectRoom("");

export type ProgressBroadcaster = { stop: () => void; refresh: () => void };

export function startProgressBroadcaster(options: { io: Server; intervalMs?: number }): ProgressBroadcaster {
  const last = new Map<string, string>();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const watched = [...options.io.of("/").adapter.rooms.keys()].filter((room) => room.startsWith(PROJECT_ROOM_PREFIX));
      for (const room of watched) {
        const progress = await countProjectProgress({ projectId: room.slice(PROJECT_ROOM_PREFIX.length) });
        const snapshot = JSON.stringify(progress);
        if (last.get(room) === snapshot) continue;
        last.set(room, snapshot);
        options.io.to(room).emit("project:progress", progress);
      }
      for (const room of last.keys()) if (!watched.includes(room)) last.delete(room);
    } catch (error) {
      console.error("[realtime] progress poll failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 1500);
  let refreshQueued: NodeJS.Timeout | null = null;
  return {
    stop: () => clearInterval(timer),
    // Coalesces a burst of worker events into one poll.
    refresh: () => {
      refreshQueued ??= setTimeout(() => {
        refreshQueued = null;
        void tick();
      }, 100);
    },
  };
}

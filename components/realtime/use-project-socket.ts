"use client";

import { useEffect } from "react";
import { io, type Socket } from "socket.io-client";
import { RoomHolders } from "./room-holders";

let shared: Socket | null = null;

/** One socket per tab, authenticated by the session cookie at the handshake. */
function socket(): Socket {
  shared ??= io({ withCredentials: true, transports: ["websocket", "polling"] });
  return shared;
}

/** The tab's socket, for hooks that join other rooms (components/tasks, components/reviews). */
export const sharedSocket = socket;

/** Every hook that joins a project room retains it while mounted; the socket leaves when the last one releases it. */
export const projectRooms = new RoomHolders((projectId) => socket().emit("project:leave", projectId));

/** Joins the project's room while mounted and calls `onEvent` for `event`. */
export function useProjectEvent<T>(projectId: string, event: string, onEvent: (payload: T) => void) {
  useEffect(() => {
    const s = socket();
    const join = () => s.emit("project:join", projectId);
    projectRooms.retain(projectId);
    join();
    s.on("connect", join); // rejoin after a reconnect
    s.on(event, onEvent);
    return () => {
      s.off("connect", join);
      s.off(event, onEvent);
      projectRooms.release(projectId);
    };
  }, [projectId, event, onEvent]);
}

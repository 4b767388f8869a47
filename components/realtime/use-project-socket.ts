"use client";

import { useEffect } from "react";
import { io, type Socket } from "socket.io-client";

let shared: Socket | null = null;

/** One socket per tab, authenticated by the session cookie at the handshake. */
function socket(): Socket {
  shared ??= io({ withCredentials: true, transports: ["websocket", "polling"] });
  return shared;
}

/** The tab's socket, for hooks that join other rooms (components/tasks, components/reviews). */
export const sharedSocket = socket;

/** Joins the project's room while mounted and calls `onEvent` for `event`. */
export function useProjectEvent<T>(projectId: string, event: string, onEvent: (payload: T) => void) {
  useEffect(() => {
    const s = socket();
    const join = () => s.emit("project:join", projectId);
    join();
    s.on("connect", join); // rejoin after a reconnect
    s.on(event, onEvent);
    return () => {
      s.off("connect", join);
      s.off(event, onEvent);
      s.emit("project:leave", projectId);
    };
  }, [projectId, event, onEvent]);
}

"use client";
// Wires the framework-free parts together for one image: the store, the
// controller, the SAM decoder, the sync engine (with its browser triggers:
// online, focus, page hide), socket events from other people, and keys.
import { useCallback, useEffect, useState, useSyncExternalStore, type RefObject } from "react";
import { z } from "zod";
import { useSamDecoder } from "@/components/sam/use-sam-decoder";
import { useProjectEvent } from "@/components/realtime/use-project-socket";
import { annotationDto } from "@/lib/schemas/annotations";
import type { EditorPageData } from "@/server/annotations/load-editor-page";
import { EditorController } from "../controller/editor-controller";
import { objectFromDto } from "../core/annotation-codec";
import { maskRle } from "../core/compact-mask";
import { EditorStore } from "../core/editor-store";
import { createAnnotationApi } from "../sync/annotation-api";
import { IndexedDbOutboxStore } from "../sync/outbox-store";
import { SyncEngine, type SyncSnapshot } from "../sync/sync-engine";
import { resolveShortcut } from "../tools/shortcuts";
import { memoryClipboard, type ClipboardStore } from "../controller/object-clipboard";
import type { ViewportHandle } from "./editor-canvas";
import { isTextField } from "@/components/ui/is-text-field";

declare global {
  interface Window {
    /** Test hook: the document as the server would store it. */
    __maskwrightEditor?: {
      objects: () => { id: string; counts: string; labelClassId: string | null; version: number; source: string; originId: string | null }[];
    };
  }
}

const savedEvent = z.object({ annotation: annotationDto });
const deletedEvent = z.object({ id: z.string(), imageId: z.string(), version: z.number() });

const noSubscribe = () => () => undefined;
const noSnapshot = (): SyncSnapshot | null => null;

export function useEditorRuntime(options: {
  data: EditorPageData;
  taskId: string | null;
  userId: string;
  viewportRef: RefObject<ViewportHandle | null>;
  onNavigate: (step: 1 | -1) => void;
  onHelp: () => void;
}) {
  const { data, taskId, userId, viewportRef } = options;
  const imageId = data.image.id;
  const [serverObjects] = useState(() =>
    data.annotations.map((dto) => {
      const object = objectFromDto(dto);
      return dto.source === "prefill" ? { ...object, proposalScore: data.prefillScores[dto.id] ?? null } : object;
    }),
  );
  const [store] = useState(
    () => new EditorStore({ width: data.image.width, height: data.image.height, objects: serverObjects, activeLabelId: data.labels[0]?.id ?? null }),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const decoder = useSamDecoder({ modelUrl: data.decoderUrl, model: data.model, imageId, prefetchImageIds: data.nextImageId ? [data.nextImageId] : [] });

  // The controller and the sync engine outlive renders; effects hand them the latest callbacks.
  const [controller] = useState(() => new EditorController({ store, model: data.model, labels: data.labels, clipboard: sessionClipboard() }));
  const [sync] = useState(() =>
    data.canEdit
      ? new SyncEngine({
          imageId,
          taskId,
          userId,
          store,
          serverObjects,
          api: createAnnotationApi(),
          outbox: new IndexedDbOutboxStore(userId),
          onError: (error) => console.error("[editor] saving failed", error),
        })
      : null,
  );
  const { onNavigate, onHelp } = options;
  useEffect(() => {
    controller.connect({
      decode: decoder.decode,
      ready: decoder.ready,
      editable: data.canEdit,
      holdSaves: () => sync?.hold(),
      releaseSaves: () => sync?.release(),
      onViewport: (command) => (command.type === "fit" ? viewportRef.current?.fit() : viewportRef.current?.zoom(command.factor)),
      onNavigate: (step) => {
        sync?.flushNow();
        onNavigate(step);
      },
      onHelp,
    });
  }, [controller, sync, decoder.decode, decoder.ready, data.canEdit, viewportRef, onNavigate, onHelp]);

  useEffect(() => {
    if (!sync) return;
    void sync.start();
    const resume = () => sync.resume();
    const flush = () => sync.flushNow();
    const onVisibility = () => document.visibilityState === "hidden" && sync.flushNow();
    window.addEventListener("online", resume);
    window.addEventListener("focus", resume);
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("online", resume);
      window.removeEventListener("focus", resume);
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      sync.flushNow();
      sync.stop();
    };
  }, [sync]);
  const syncSnapshot = useSyncExternalStore(sync?.subscribe ?? noSubscribe, sync?.getSnapshot ?? noSnapshot, noSnapshot);

  const onSaved = useCallback(
    (payload: unknown) => {
      const parsed = savedEvent.safeParse(payload);
      if (parsed.success && parsed.data.annotation.imageId === imageId) sync?.applyRemote(parsed.data.annotation);
    },
    [imageId, sync],
  );
  const onDeleted = useCallback(
    (payload: unknown) => {
      const parsed = deletedEvent.safeParse(payload);
      if (parsed.success && parsed.data.imageId === imageId) sync?.applyRemote({ id: parsed.data.id, version: parsed.data.version, deleted: true });
    },
    [imageId, sync],
  );
  useProjectEvent(data.project.id, "annotation:saved", onSaved);
  useProjectEvent(data.project.id, "annotation:deleted", onDeleted);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target)) return;
      const command = resolveShortcut({ key: event.key, code: event.code, ctrl: event.ctrlKey, meta: event.metaKey, shift: event.shiftKey, alt: event.altKey });
      if (!command) return;
      // Ctrl+C over selected page text (the instructions, say) is the browser's copy, not the object's.
      if (command.type === "copyObject" && (window.getSelection()?.toString() ?? "") !== "") return;
      // Held keys repeat only where repeating makes sense (brush size, zoom, undo).
      if (event.repeat && !["brushSize", "zoom", "undo", "redo"].includes(command.type)) return;
      event.preventDefault();
      controller.command(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [controller]);

  useEffect(() => {
    window.__maskwrightEditor = {
      objects: () =>
        store.getState().doc.objects.map((o) => ({
          id: o.id,
          counts: maskRle(o.mask).counts,
          labelClassId: o.labelClassId,
          version: o.version,
          source: o.source,
          originId: o.originId,
        })),
    };
    return () => {
      delete window.__maskwrightEditor;
    };
  }, [store]);

  return { store, state, controller, decoder, sync, syncSnapshot };
}

/** The copied object lives in this tab's session storage, so it survives moving to the next image. */
function sessionClipboard(): ClipboardStore {
  const key = "maskwright.copiedObject";
  const fallback = memoryClipboard();
  return {
    read: () => {
      try {
        return window.sessionStorage.getItem(key);
      } catch {
        return fallback.read();
      }
    },
    write: (text) => {
      try {
        window.sessionStorage.setItem(key, text);
      } catch {
        fallback.write(text); // storage full or disabled: this page still pastes it
      }
    },
  };
}

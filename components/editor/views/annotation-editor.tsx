"use client";
// The annotation editor page: toolbar, Konva canvas, and a side panel with
// labels, the multi-mask choice, the object list and the save state.
import dynamic from "next/dynamic";
import Link from "next/link";
import { ProjectInstructions } from "../../projects/project-instructions";
import { useRouter } from "next/navigation";
import { useCallback, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from "react";
import type { EditorPageData } from "@/server/annotations/load-editor-page";
import { deleteObjectOps, moveOps, relabelOps, setAttributesOps, setHiddenOps } from "../core/commands";
import { ImageAttributesPanel } from "./image-attributes-panel";
import { ImageQuestionsPanel } from "../../questions/image-questions-panel";
import { draftWithCandidate } from "../core/draft";
import { isPendingPrefill } from "../core/prefill";
import type { SyncEngine } from "../sync/sync-engine";
import { CandidatePicker } from "./candidate-picker";
import { ConflictDialog } from "./conflict-dialog";
import type { ViewportHandle } from "./editor-canvas";
import { EditorToolbar } from "./editor-toolbar";
import { LabelPicker } from "./label-picker";
import { ObjectList } from "./object-list";
import { PrefillList } from "./prefill-list";
import { SaveStatus } from "./save-status";
import { ShortcutOverlay } from "./shortcut-overlay";
import { useEditorRuntime } from "./use-editor-runtime";
import { usePersistedMaskOpacity } from "./use-persisted-mask-opacity";
import { ImageAdjustControl } from "./image-adjust-control";

// Konva needs the DOM: the canvas renders in the browser only.
const EditorCanvas = dynamic(() => import("./editor-canvas").then((m) => m.EditorCanvas), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-500">Loading the canvas…</p>,
});

type DecoderStatus = ReturnType<typeof useEditorRuntime>["decoder"];

function decoderLine(decoder: DecoderStatus): string {
  if (decoder.decoder.phase === "error") return `The model failed to start: ${decoder.decoder.message}`;
  const embedding = decoder.embedding;
  if (embedding.phase === "failed") return embedding.message;
  if (embedding.phase === "error") return `Could not load the image embedding: ${embedding.message}`;
  if (embedding.phase === "waiting") return `Computing the image embedding (${embedding.status})…`;
  if (embedding.phase === "loading") return "Loading the image embedding…";
  if (decoder.decoder.phase === "starting") return "Starting the model…";
  return "";
}

/** What a page around the editor may do with it (components/tasks: flush before submit, focus a commented mask). */
export type EditorHandle = {
  select: (objectId: string | null) => void;
  sync: SyncEngine | null;
  /** Pre-filled masks nobody accepted, corrected or deleted yet (the task page asks about them before submit). */
  undecidedPrefills: () => number;
  /** Accepts every pending pre-fill as Shift+A does (one undo step); false when none could be (no label class). */
  acceptAllPrefills: () => boolean;
};

export function AnnotationEditor({
  data,
  taskId,
  user,
  previousHref,
  nextHref,
  backHref,
  onNext,
  headerSlot,
  panelSlot,
  handleRef,
}: {
  data: EditorPageData;
  taskId: string | null;
  user: { id: string; name: string };
  previousHref: string | null;
  nextHref: string | null;
  /** Where "← project" leads: the project page, or the filtered Images view the editor was opened from. */
  backHref?: string;
  /** Replaces "next image" (button and N), e.g. the queue's submit-and-next. */
  onNext?: () => void;
  /** Extra header content (presence) and the top of the side panel (task actions, review comments). */
  headerSlot?: ReactNode;
  panelSlot?: ReactNode;
  handleRef?: Ref<EditorHandle>;
}) {
  const router = useRouter();
  const viewportRef = useRef<ViewportHandle>(null);
  const [help, setHelp] = useState(false);
  const [navNotice, setNavNotice] = useState<string | null>(null);
  const onHelp = useCallback(() => setHelp((open) => !open), []);
  const onNavigate = useCallback(
    (step: 1 | -1) => {
      if (step > 0 && onNext) return onNext();
      const href = step > 0 ? nextHref : previousHref;
      if (href) router.push(href);
      else setNavNotice(step > 0 ? "This is the last image." : "This is the first image.");
    },
    [router, nextHref, previousHref, onNext],
  );
  const runtime = useEditorRuntime({ data, taskId, userId: user.id, viewportRef, onHelp, onNavigate });
  const { store, state, controller, decoder, sync, syncSnapshot } = runtime;
  usePersistedMaskOpacity(store);
  const { doc, draft, selectedId, history } = state;
  useImperativeHandle(
    handleRef,
    () => {
      const undecidedPrefills = () => store.getState().doc.objects.filter(isPendingPrefill).length;
      return {
        select: (id) => store.select(id),
        sync,
        undecidedPrefills,
        acceptAllPrefills: () => {
          if (undecidedPrefills() > 0) controller.acceptPrefills("all");
          return undecidedPrefills() === 0;
        },
      };
    },
    [store, sync, controller],
  );
  const conflict = syncSnapshot ? [...syncSnapshot.objects.entries()].find(([, s]) => s.state === "conflict") : undefined;
  const status = decoderLine(decoder);
  // Pending pre-fills are their own layer and list; accepted ones are ordinary objects.
  const prefills = doc.objects.filter(isPendingPrefill);
  const ownObjects = prefills.length > 0 ? doc.objects.filter((o) => !isPendingPrefill(o)) : doc.objects;
  const edit = store.edit.bind(store);
  const here = `/projects/${data.project.id}/annotate/${data.image.id}${taskId ? `?task=${encodeURIComponent(taskId)}` : ""}`;

  return (
    <div
      className="fixed inset-x-0 bottom-0 top-14 flex flex-col bg-slate-100"
      data-testid="editor"
      data-ready={decoder.ready ? "true" : "false"}
      data-object-count={doc.objects.length}
      data-prefill-count={prefills.length}
      data-draft={draft ? (draft.shape.kind === "smart" ? (draft.shape.pending ? "pending" : "ready") : "polygon") : "none"}
      data-tool={state.tool}
      data-selected={selectedId ?? ""}
      data-unsaved={syncSnapshot?.objects.size ?? 0}
      data-hover={state.hover ? "true" : "false"}
      data-draft-area={draft?.shape.kind === "smart" && draft.shape.decoded ? (draft.shape.decoded.areas[draft.shape.selected] ?? 0) : ""}
      data-threads={decoder.decoder.phase === "ready" ? decoder.decoder.info.threads : ""}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5">
        <Link href={backHref ?? `/projects/${data.project.id}`} className="max-w-40 truncate text-sm text-brand-700 hover:underline" title={data.project.name}>
          ← {data.project.name}
        </Link>
        <span className="flex items-center gap-1">
          <NavLink href={previousHref} label="‹" title="Previous image (Shift+N)" />
          <span className="max-w-48 truncate text-sm text-slate-600" data-testid="image-name" title={data.image.fileName}>
            {data.image.fileName}
            {/* 0: opened under a filter the image no longer matches (its status changed), so it has no place in that view. */}
            {data.position.index > 0 && ` · ${data.position.index}/${data.position.total}`}
          </span>
          {onNext ? (
            <button type="button" onClick={onNext} className="rounded-md border border-slate-200 bg-white px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-50" title="Submit and open your next image (N)" aria-label="Submit and open your next image (N)">
              ›
            </button>
          ) : (
            <NavLink href={nextHref} label="›" title="Next image (N)" />
          )}
        </span>
        <EditorToolbar
          tool={state.tool}
          brushRadius={state.brushRadius}
          canUndo={history.undo.length > 0 || draft !== null}
          canRedo={history.redo.length > 0}
          undoLabel={history.undo[history.undo.length - 1]?.label ?? null}
          redoLabel={history.redo[history.redo.length - 1]?.label ?? null}
          onTool={(tool) => store.setTool(tool)}
          onBrushSize={(step) => controller.command({ type: "brushSize", step })}
          onUndo={() => controller.command({ type: "undo" })}
          onRedo={() => controller.command({ type: "redo" })}
          onFit={() => viewportRef.current?.fit()}
          onZoom={(factor) => viewportRef.current?.zoom(factor)}
          onHelp={() => setHelp((open) => !open)}
          prefillCount={prefills.length}
          onAcceptPrefills={() => controller.acceptPrefills("all")}
          uncovered={state.uncovered}
          onUncovered={() => controller.command({ type: "toggleUncovered" })}
          maskOpacity={state.maskOpacity}
          onMaskOpacity={(opacity) => store.setMaskOpacity(opacity)}
          editable={data.canEdit}
        />
        <ImageAdjustControl adjust={state.imageAdjust} onAdjust={(change) => store.setImageAdjust(change)} />
        {headerSlot}
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1" data-testid="canvas-area">
          <EditorCanvas state={state} controller={controller} imageUrl={data.image.fileUrl} labels={data.labels} inputSize={data.model.inputSize} handleRef={viewportRef} />
          {status && (
            <p className="pointer-events-none absolute left-3 top-3 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow" role="status" data-testid="decoder-status">
              {status}
            </p>
          )}
          {(state.notice ?? navNotice) && (
            <p className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded bg-slate-900/85 px-3 py-1.5 text-xs text-white shadow" role="alert" data-testid="editor-notice">
              {state.notice ?? navNotice}
              <button
                type="button"
                className="ml-2 underline"
                onClick={() => {
                  store.clearNotice();
                  setNavNotice(null);
                }}
              >
                dismiss
              </button>
            </p>
          )}
          {help && <ShortcutOverlay onClose={() => setHelp(false)} />}
          {conflict && conflict[1].state === "conflict" && (
            <ConflictDialog
              mine={doc.objects.find((o) => o.id === conflict[0]) ?? null}
              theirs={conflict[1].current}
              message={conflict[1].message}
              onChoose={(choice) => sync?.resolveConflict(conflict[0], choice)}
            />
          )}
        </div>
        <aside className="flex w-80 shrink-0 flex-col gap-4 overflow-y-auto border-l border-slate-200 bg-white p-3" aria-label="Editor panel">
          {panelSlot}
          <ProjectInstructions text={data.project.instructions} compact />
          {/* Read-only there is nothing to save, and "Connecting…" would never end. */}
          {data.canEdit && <SaveStatus sync={syncSnapshot} loginHref={`/login?next=${encodeURIComponent(here)}`} onRetry={(id) => sync?.retry(id)} />}
          {!data.canEdit && (
            <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="read-only-reason">
              <p className="font-medium">View only</p>
              <p className="mt-0.5">{data.readOnlyReason ?? "You can view this image but not edit it."}</p>
              <Link href={`/projects/${data.project.id}/queue`} className="mt-1 inline-block font-medium text-brand-700 underline">Open the work queue</Link>
            </div>
          )}
          <ImageQuestionsPanel key={`questions-${data.image.id}`} imageId={data.image.id} />
          <ImageAttributesPanel key={data.image.id} imageId={data.image.id} taskId={taskId} definitions={data.imageAttributes.definitions} initial={data.imageAttributes.values} editable={data.canEdit} />
          <section>
            <h2 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Label</h2>
            <LabelPicker labels={data.labels} activeLabelId={state.activeLabelId} onPick={(index) => controller.command({ type: "label", index })} />
          </section>
          {draft?.shape.kind === "smart" && (
            <section>
              <h2 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Mask</h2>
              <CandidatePicker shape={draft.shape} onPick={(index) => store.setDraft(draftWithCandidate(draft, index))} />
            </section>
          )}
          {prefills.length > 0 && (
            <PrefillList
              prefills={prefills}
              labels={data.labels}
              selectedId={selectedId}
              syncStates={syncSnapshot?.objects ?? new Map()}
              editable={data.canEdit}
              layerVisible={state.prefillLayerVisible}
              actions={{
                select: (id) => store.select(id),
                accept: (ids) => controller.acceptPrefills(ids),
                relabel: (id, label) => edit(relabelOps(store.getState().doc, id, label), { label: "Accept pre-filled mask" }),
                remove: (id) => edit(deleteObjectOps(store.getState().doc, id), { label: "Delete pre-filled mask" }),
                toggleLayer: () => controller.command({ type: "togglePrefillLayer" }),
              }}
            />
          )}
          <section className="min-h-0">
            <h2 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">Objects ({ownObjects.length})</h2>
            <ObjectList
              objects={ownObjects}
              labels={data.labels}
              selectedId={selectedId}
              syncStates={syncSnapshot?.objects ?? new Map()}
              editable={data.canEdit}
              actions={{
                select: (id) => store.select(id),
                relabel: (id, label) => edit(relabelOps(store.getState().doc, id, label), { label: "Relabel" }),
                setAttributes: (id, values) => edit(setAttributesOps(store.getState().doc, id, values), { label: "Change attributes" }),
                toggleHidden: (id) => {
                  const object = store.getState().doc.objects.find((o) => o.id === id);
                  if (object) edit(setHiddenOps(store.getState().doc, id, !object.hidden), { label: object.hidden ? "Show object" : "Hide object" });
                },
                move: (id, direction) => edit(moveOps(store.getState().doc, id, direction), { label: "Reorder" }),
                cleanUp: (id) => controller.cleanUp(id),
                split: (id) => controller.split(id),
                remove: (id) => edit(deleteObjectOps(store.getState().doc, id), { label: "Delete object" }),
              }}
            />
          </section>
          <p className="mt-auto text-[11px] text-slate-500">
            Press <kbd className="rounded border border-slate-300 px-1">?</kbd> for all shortcuts.
          </p>
        </aside>
      </div>
    </div>
  );
}

function NavLink({ href, label, title }: { href: string | null; label: string; title: string }) {
  const style = "rounded-md border border-slate-200 px-2 py-0.5 text-sm";
  if (!href) return <span className={`${style} text-slate-300`}>{label}</span>;
  return (
    <Link href={href} className={`${style} bg-white text-slate-700 hover:bg-slate-50`} title={title} aria-label={title}>
      {label}
    </Link>
  );
}

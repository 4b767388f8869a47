"use client";
// Name, lifetime and limits of a new token (which projects, read-only, acting
// as an annotator or reviewer only); the server checks them and names what is wrong.
import { useState, type FormEvent } from "react";
import type { ApiTokenDto, ApiTokenProjectRole } from "@/lib/schemas/api-tokens";
import { taskApi } from "../tasks/task-api";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { usePendingAction } from "../ui/use-pending-action";

const LIFETIMES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
] as const;

export function CreateApiTokenForm(props: { projects: { id: string; name: string }[]; onCreated: (created: { token: ApiTokenDto; secret: string }) => Promise<void> }) {
  const [name, setName] = useState("");
  const [lifetime, setLifetime] = useState<string>("90");
  const [limited, setLimited] = useState(false);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [readOnly, setReadOnly] = useState(false);
  const [projectRole, setProjectRole] = useState<ApiTokenProjectRole | "">("");
  const { pending, error, run } = usePendingAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      if (limited && projectIds.length === 0) throw new Error("Tick the projects the token may reach, or choose all your projects.");
      const body = { name, lifetime, readOnly, ...(limited ? { projectIds } : {}), ...(projectRole ? { projectRole } : {}) };
      const created = await taskApi<{ token: ApiTokenDto; secret: string }>("/api/account/tokens", { method: "POST", body });
      setName("");
      setLimited(false);
      setProjectIds([]);
      setReadOnly(false);
      setProjectRole("");
      await props.onCreated(created);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Create an API token">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="token-name" className={labelText}>Token name</label>
          <input id="token-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="e.g. nightly COCO export" className={inputField} />
        </div>
        <div>
          <label htmlFor="token-lifetime" className={labelText}>Expires after</label>
          <select id="token-lifetime" value={lifetime} onChange={(event) => setLifetime(event.target.value)} className={inputField}>
            {LIFETIMES.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
      </div>
      <fieldset className="space-y-1 text-sm text-slate-700">
        <legend className={labelText}>Projects it may reach</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="token-scope" checked={!limited} onChange={() => setLimited(false)} /> All your projects (and new ones)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="token-scope" checked={limited} onChange={() => setLimited(true)} disabled={props.projects.length === 0} /> Only these:
        </label>
        {limited && (
          <div className="ml-6 max-h-40 space-y-1 overflow-y-auto rounded border border-slate-200 p-2" role="group" aria-label="Projects the token may reach">
            {props.projects.map((project) => (
              <label key={project.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={projectIds.includes(project.id)}
                  onChange={(event) => setProjectIds((current) => (event.target.checked ? [...current, project.id] : current.filter((id) => id !== project.id)))}
                />
                {project.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-0.5" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />
        <span>
          Read-only
          <span className="block text-xs text-slate-500">Only GET requests (lists, masks, export downloads); anything that changes data is refused.</span>
        </span>
      </label>
      <div className="text-sm text-slate-700">
        <label htmlFor="token-role" className={labelText}>Acts as</label>
        <select id="token-role" value={projectRole} onChange={(event) => setProjectRole(event.target.value as ApiTokenProjectRole | "")} className={`${inputField.replace("w-full", "")} w-auto`}>
          <option value="">You (your role in each project)</option>
          <option value="annotator">An annotator only</option>
          <option value="reviewer">A reviewer only</option>
        </select>
        <span className="mt-1 block text-xs text-slate-500">
          A labelling bot or an outside reviewer&apos;s script gets only what that role may do, in the projects where you hold it or manage; nothing installation-wide.
        </span>
      </div>
      <FormError message={error} />
    </form>
  );
}

"use client";
// The account page's API tokens: make one (its secret shown once, with a
// first command to try), see the live ones, revoke one. The server list is
// the truth; the panel re-reads it after every change.
import { useState } from "react";
import type { ApiTokenDto } from "@/lib/schemas/api-tokens";
import { taskApi } from "../tasks/task-api";
import { FormError } from "../ui/form-message";
import { ApiTokenTable } from "./api-token-table";
import { CreateApiTokenForm } from "./create-api-token-form";
import { NewTokenSecret } from "./new-token-secret";

export function ApiTokenPanel(props: { initialTokens: ApiTokenDto[]; projects: { id: string; name: string }[]; origin: string }) {
  const [tokens, setTokens] = useState(props.initialTokens);
  const [fresh, setFresh] = useState<{ id: string; name: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reload() {
    setTokens((await taskApi<{ tokens: ApiTokenDto[] }>("/api/account/tokens")).tokens);
  }

  async function revoke(token: ApiTokenDto) {
    setError(null);
    try {
      await taskApi(`/api/account/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      if (fresh?.id === token.id) setFresh(null);
      await reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Scripts use a token instead of your password: send it as <code className="rounded bg-slate-100 px-1">Authorization: Bearer mw_…</code>.
        A token acts as you, with your role and projects, or fewer: limit it to some projects, to reading, or to an annotator&apos;s or a reviewer&apos;s rights; it cannot change
        your password or make other tokens.
      </p>
      <CreateApiTokenForm
        projects={props.projects}
        onCreated={async (created) => {
          setFresh({ id: created.token.id, name: created.token.name, secret: created.secret });
          await reload();
        }}
      />
      {fresh && <NewTokenSecret name={fresh.name} secret={fresh.secret} origin={props.origin} onDismiss={() => setFresh(null)} />}
      <FormError message={error} />
      <ApiTokenTable tokens={tokens} onRevoke={revoke} />
    </div>
  );
}

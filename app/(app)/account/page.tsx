import type { Metadata } from "next";
import { pageActor } from "@/server/auth/page-actor";
import { appConfig } from "@/server/config/app-config";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { listProjectChoices } from "@/server/projects/list-project-choices";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ApiTokenPanel } from "@/components/account/api-token-panel";
import { card } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await pageActor();
  const [tokens, projects] = await Promise.all([listApiTokens({ actor }), listProjectChoices({ actor })]);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          {actor.name} · {actor.email} · {actor.role}
        </p>
      </div>
      <section className={`${card} max-w-lg p-5`} aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-3 font-medium">Change your password</h2>
        <ChangePasswordForm />
      </section>
      <section className={`${card} p-5`} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-3 font-medium">API tokens</h2>
        <ApiTokenPanel initialTokens={tokens} projects={projects} origin={appConfig().publicUrl} />
      </section>
    </div>
  );
}

import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { pageActor } from "@/server/auth/page-actor";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await pageActor();
  return (
    <div className="min-h-screen">
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}

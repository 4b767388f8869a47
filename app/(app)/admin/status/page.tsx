import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { getSystemStatus } from "@/server/ops/get-system-status";
import { SystemStatusView } from "@/components/admin/system-status-view";
import { RefreshWhilePending } from "@/components/images/refresh-while-pending";

export const metadata: Metadata = { title: "System status" };
export const dynamic = "force-dynamic";

export default async function SystemStatusPage() {
  const actor = await pageActor();
  if (actor.role !== "admin") forbidden();
  const status = await getSystemStatus({ actor });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">System status</h1>
      <SystemStatusView status={status} />
      <RefreshWhilePending intervalMs={10_000} />
    </div>
  );
}

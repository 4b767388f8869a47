// The HTTP contracts of the analytics routes, with the session lookup replaced
// by a fixed actor (the database below it is real).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import * as analyticsRoute from "../../app/api/projects/[projectId]/analytics/route";
import * as masksRoute from "../../app/api/projects/[projectId]/analytics/masks/route";
import { MASK_TELEMETRY_HEADER } from "./mask-telemetry-csv";
import { streamMaskTelemetry } from "./stream-mask-telemetry";
import { closeTestDb } from "../testing/close-test-db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../auth/actor", async () => {
  const { AppError } = await import("../errors/app-error");
  return {
    requireActor: async () => {
      if (!session.actor) throw new AppError("unauthenticated", "Sign in to continue.");
      return session.actor;
    },
  };
});

let manager: Actor;
let annotator: Actor;
let projectId: string;
const maskIds: string[] = [];

beforeAll(async () => {
  manager = await createTestUser("annotator");
  annotator = await createTestUser("annotator");
  projectId = (await createTestProject({ members: [{ actor: manager, role: "manager" }, { actor: annotator, role: "annotator" }] })).id;
  const label = await db().labelClass.create({ data: { projectId, name: "=cmd|' /C calc'!A0", color: "#123456" } });
  const image = await db().image.create({
    data: { projectId, sha256: `analytics-route-${projectId}`, fileName: "street, night.jpg", mime: "image/jpeg", byteSize: 1, width: 4, height: 4, storageKey: "k" },
  });
  const base = { projectId, imageId: image.id, rleCounts: "16", maskHeight: 4, maskWidth: 4, area: 16 };
  for (const [index, data] of [
    { labelClassId: label.id, authorId: annotator.id, clicks: 3, secondsSpent: 7.25, toolsUsed: ["smart_click", "brush"], bbox: [1, 2, 3, 4] },
    { source: "prefill" as const, bbox: [0, 0, 4, 4], predictedIou: 0.93, stabilityScore: 0.97 },
    { authorId: annotator.id, clicks: 1, secondsSpent: 2, toolsUsed: ["box"], bbox: [0, 0, 2, 2], deletedAt: new Date("2026-12-01T00:00:00Z") },
  ].entries()) {
    maskIds.push((await db().annotation.create({ data: { ...base, ...data, createdAt: new Date(Date.UTC(2026, 11, 1, index)) } })).id);
  }
});

afterAll(async () => {
  await closeTestDb();
});

const context = () => ({ params: Promise.resolve({ projectId }) });
const get = (url: string) => new Request(`http://localhost${url}`);

describe("GET /api/projects/:id/analytics", () => {
  it("401 signed out, 403 for an annotator, 400 naming a bad days value, 200 for the manager", async () => {
    session.actor = null;
    expect((await analyticsRoute.GET(get(`/api/projects/${projectId}/analytics`), context())).status).toBe(401);
    session.actor = annotator;
    const refused = await analyticsRoute.GET(get(`/api/projects/${projectId}/analytics`), context());
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/analytics/);
    session.actor = manager;
    const bad = await analyticsRoute.GET(get(`/api/projects/${projectId}/analytics?days=5`), context());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("days: must be one of 7, 30, 90");
    const ok = await analyticsRoute.GET(get(`/api/projects/${projectId}/analytics?days=7`), context());
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.days).toBe(7);
    expect(body.daily).toHaveLength(7);
    expect(body.tools.map((t: { tool: string }) => t.tool)).toEqual(["brush", "smart_click"]);
  });
});

describe("GET /api/projects/:id/analytics/masks", () => {
  it("streams one CSV line per mask, deleted ones included, with unsafe text quoted and defused", async () => {
    session.actor = annotator;
    expect((await masksRoute.GET(get(`/api/projects/${projectId}/analytics/masks`), context())).status).toBe(403);
    session.actor = manager;
    const response = await masksRoute.GET(get(`/api/projects/${projectId}/analytics/masks`), context());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const lines = (await response.text()).split("\r\n").filter(Boolean);
    expect(`${lines[0]}\r\n`).toBe(MASK_TELEMETRY_HEADER);
    expect(lines).toHaveLength(4);
    const byId = new Map(lines.slice(1).map((line) => [line.split(",")[0], line]));
    const drawn = byId.get(maskIds[0])!;
    expect(drawn).toContain(`"street, night.jpg",'=cmd|' /C calc'!A0,manual,,annotator tester,3,7.3,smart_click;brush,16,1,2,3,4,,,`);
    expect(byId.get(maskIds[1])).toContain(",prefill,,,0,0,,16,0,0,4,4,0.93,0.97,");
    expect(byId.get(maskIds[2])).toMatch(/,box,.*,2026-12-01T00:00:00\.000Z,$/);
  });

  it("pages through the masks without losing or repeating one", async () => {
    const chunks: string[] = [];
    for await (const chunk of await streamMaskTelemetry({ actor: manager, projectId, pageSize: 1 })) chunks.push(chunk);
    expect(chunks).toHaveLength(4); // header + one page per mask
    expect(chunks.slice(1).map((chunk) => chunk.split(",")[0]).sort()).toEqual([...maskIds].sort());
  });
});

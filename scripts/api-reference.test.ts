import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_REFERENCE_FILE, renderApiReference } from "./api-reference";

describe("REST API reference", () => {
  it("is up to date with the route files (run `npm run docs:api` after changing a route)", async () => {
    const rendered = await renderApiReference();
    expect(rendered).toContain("### GET, POST `/api/projects/:projectId/webhooks`");
    expect(rendered).toContain("### PUT `/api/images/:imageId/attributes`");
    expect(await fs.readFile(API_REFERENCE_FILE, "utf8")).toBe(rendered);
  });
});

// The REST API reference (app/api/README.md), generated from the route files:
// each route's URL (folders, [param] -> :param), the methods it exports and
// its header comment, which states the body and answers. `npm run docs:api`
// rewrites the file; api-reference.test.ts fails when it is out of date, so
// the reference cannot drift from the code.
import fs from "node:fs/promises";
import path from "node:path";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const API_DIR = "app/api";
export const API_REFERENCE_FILE = path.join(API_DIR, "README.md");

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (entry) => (entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : [])));
  return nested.flat();
}

function urlOf(file: string): string {
  const folders = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/api/${folders.map((folder) => folder.replace(/^\[\.\.\.(.+)\]$/, "*$1").replace(/^\[(.+)\]$/, ":$1")).join("/")}`;
}

/** The comment lines at the top of a route file, before its first import. */
function headerComment(source: string): string[] {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("//")) break;
    lines.push(line.replace(/^\/\/ ?/, ""));
  }
  return lines;
}

export async function renderApiReference(): Promise<string> {
  const files = (await routeFiles(API_DIR)).sort((a, b) => urlOf(a).localeCompare(urlOf(b)));
  const sections: string[] = [];
  for (const file of files) {
    const source = await fs.readFile(file, "utf8");
    const methods = METHODS.filter((method) => new RegExp(`export (async )?function ${method}\\b|export const ${method}\\b|export \\{[^}]*\\b${method}\\b`).test(source));
    const comment = headerComment(source);
    sections.push([`### ${methods.join(", ")} \`${urlOf(file)}\``, "", comment.length > 0 ? ["```text", ...comment, "```"].join("\n") : "_(no description)_", ""].join("\n"));
  }
  return [
    "# REST API reference",
    "",
    "Generated from the route files by `npm run docs:api`; do not edit by hand. Every route answers errors as",
    '`{ "error": { "code", "message", "details"? } }` with a 4xx status naming the problem. Authenticate with the session',
    "cookie (the browser) or `Authorization: Bearer mw_…` (an API token from *Your account*; see the README).",
    "",
    ...sections,
  ].join("\n");
}

async function main() {
  await fs.writeFile(API_REFERENCE_FILE, await renderApiReference());
  console.log(`wrote ${API_REFERENCE_FILE}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) void main();

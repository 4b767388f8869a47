// A user's search text as a literal inside a LIKE / ILIKE pattern: Postgres
// treats % and _ as wildcards and backslash as the escape character, and
// Prisma's `contains` passes the text through unescaped.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

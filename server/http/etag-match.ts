// If-None-Match evaluation (RFC 9110 §13.1.2): weak comparison, a list of
// entity tags or "*". Kept separate from the routes so every cacheable route
// answers 304 the same way.

/** True when the request's If-None-Match header matches `etag` (a quoted strong tag). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  const wanted = stripWeak(etag);
  // Tags are quoted strings that cannot contain '"', so splitting on commas
  // outside quotes is the same as matching each quoted token.
  const tags = trimmed.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => stripWeak(tag) === wanted);
}

function stripWeak(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}

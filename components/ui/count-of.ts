/** "1 image", "1,234 images": a count with its noun, for sentences on the page. */
export function countOf(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

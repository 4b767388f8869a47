// Next hands a page's repeated query keys (?q=a&q=b) over as arrays; pages read the first.
export function firstSearchParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

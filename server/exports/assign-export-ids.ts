// Integer ids for exported objects: an object keeps the id it had in the COCO
// file it was imported from (so a round trip maps back), unless an earlier
// object already took that id; everything else is numbered after the largest
// id in use. Ids are positive, unique and deterministic for a given input order.
export function assignExportIds(options: { preferred: readonly (number | undefined)[] }): number[] {
  const { preferred } = options;
  const used = new Set<number>();
  const ids: (number | undefined)[] = preferred.map((id) => {
    if (id === undefined || !Number.isSafeInteger(id) || id < 1 || used.has(id)) return undefined;
    used.add(id);
    return id;
  });
  let next = 1;
  for (const id of used) if (id >= next) next = id + 1;
  return ids.map((id) => id ?? next++);
}

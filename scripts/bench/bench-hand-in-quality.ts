// Cost of quality from review on a real dataset: for every image, its objects
// play the hand-in and a reviewer's correction of them (every other mask
// moved down by `--shift` px) plays the accepted masks; the comparison the
// acceptance runs (server/quality/compare-hand-in) is timed, and so is
// painting the masks at thumbnail size for the Images tab's overlay.
//
//   npm run bench:hand-in-quality -- --dir DIR [--shift 2] [--rounds 5]
//
// DIR is COCO-format (images/ + instances.json). Final line:
// {"bench":"hand-in-quality","images","masks","max_masks","matched","compare_ms_per_image","overlay_paint_ms_per_image"}
import { parseArgs } from "node:util";
import { encodeMaskToRle, rleArea, rleBbox, rleCounts, rleCountsToString } from "@/lib/mask";
import { paintRleDownscaled } from "@/lib/mask/rle-downscale";
import type { HandInMask } from "@/lib/schemas/hand-in-quality";
import { overlaySize } from "@/server/images/render-mask-overlay";
import { compareHandIn } from "@/server/quality/compare-hand-in";
import { loadCocoFolder } from "./prefill-coco-dataset";

/** The same mask moved down by `shift` rows (column-major runs: more background before, less after). */
function shifted(mask: HandInMask, shift: number): HandInMask {
  const size: [number, number] = [mask.maskHeight, mask.maskWidth];
  const counts = rleCounts({ size, counts: mask.rleCounts });
  if (counts.length < 2 || (counts.at(-1) ?? 0) < shift || counts.length % 2 === 0) return mask;
  counts[0]! += shift;
  counts[counts.length - 1]! -= shift;
  const rle = { size, counts: rleCountsToString(counts) };
  return { ...mask, rleCounts: rle.counts, bbox: rleBbox(rle), area: rleArea(rle) };
}

async function main() {
  const { values } = parseArgs({ options: { dir: { type: "string" }, shift: { type: "string", default: "2" }, rounds: { type: "string", default: "5" } } });
  if (!values.dir) throw new Error("usage: npm run bench:hand-in-quality -- --dir DIR [--shift 2] [--rounds 5]");
  const shift = Number(values.shift);
  const rounds = Math.max(1, Number(values.rounds));
  const images = await loadCocoFolder({ dir: values.dir });
  const sets = images.map((image) => {
    const handedIn: HandInMask[] = image.objects.map((object, index) => {
      const rle = encodeMaskToRle(object.mask());
      return { id: `m${index}`, labelClassId: "object", rleCounts: rle.counts, maskHeight: image.height, maskWidth: image.width, bbox: rleBbox(rle), area: rleArea(rle) };
    });
    return { image, handedIn, accepted: handedIn.map((mask, index) => (index % 2 === 0 ? shifted(mask, shift) : mask)) };
  });
  let matched = 0;
  let started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const set of sets) {
      const quality = compareHandIn({ handedIn: set.handedIn, accepted: set.accepted, firstOfRound: true });
      if (round === 0) matched += quality.matched;
    }
  }
  const compareMs = (performance.now() - started) / rounds / Math.max(1, sets.length);
  started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const set of sets) {
      const size = overlaySize(set.image.width, set.image.height);
      const target = { ...size, cells: new Uint16Array(size.width * size.height) };
      set.handedIn.forEach((mask, index) => paintRleDownscaled({ counts: rleCounts({ size: [mask.maskHeight, mask.maskWidth], counts: mask.rleCounts }), height: mask.maskHeight, width: mask.maskWidth, target, id: index + 1 }));
    }
  }
  const paintMs = (performance.now() - started) / rounds / Math.max(1, sets.length);
  const masks = sets.reduce((sum, set) => sum + set.handedIn.length, 0);
  console.log(
    JSON.stringify({
      bench: "hand-in-quality",
      images: sets.length,
      masks,
      max_masks: Math.max(0, ...sets.map((set) => set.handedIn.length)),
      matched,
      compare_ms_per_image: Math.round(compareMs * 100) / 100,
      overlay_paint_ms_per_image: Math.round(paintMs * 100) / 100,
    }),
  );
}

await main();

// Folds "DynamicQuantizeMatMul -> Add(constant bias)" into the
// DynamicQuantizeMatMul's optional bias input. PyTorch exports every
// nn.Linear on a 3-D activation as MatMul + Add, and onnxruntime only fuses
// that pair into a Gemm for 2-D inputs, so in the SAM decoder each
// projection paid a separate pass over its [tokens, channels] output.
import type { OnnxGraphProto } from "./load-onnx-schema";

const FLOAT = 1;

type Tensor = { name?: string | null; dataType?: number | null; dims?: (number | { toNumber(): number })[] | null };

/** Rewrites the graph in place; returns how many Adds were folded away. */
export function fuseQuantizedMatMulBias(graphProto: OnnxGraphProto & { initializer: Tensor[] }): number {
  const graph = graphProto;
  const initializers = new Map(graph.initializer.map((t) => [t.name ?? "", t]));
  const graphOutputs = new Set(graph.output.map((o) => o.name ?? ""));
  const consumers = new Map<string, number>();
  for (const node of graph.node) for (const input of node.input ?? []) consumers.set(input, (consumers.get(input) ?? 0) + 1);
  const producers = new Map(graph.node.flatMap((node) => (node.output ?? []).map((output) => [output, node] as const)));
  const removed = new Set<object>();
  for (const add of graph.node) {
    if (add.opType !== "Add" || (add.domain ?? "") !== "" || add.input?.length !== 2) continue;
    for (const [side, other] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const product = add.input[side] ?? "";
      const biasName = add.input[other] ?? "";
      const matmul = producers.get(product);
      if (!matmul || matmul.opType !== "DynamicQuantizeMatMul" || (matmul.input?.length ?? 0) > 4) continue;
      if (consumers.get(product) !== 1 || graphOutputs.has(product)) continue;
      const weight = initializers.get(matmul.input?.[1] ?? "");
      const bias = initializers.get(biasName);
      const columns = Number(weight?.dims?.at(-1) ?? -1);
      const biasDims = bias?.dims?.map(Number) ?? [];
      if (!bias || bias.dataType !== FLOAT || biasDims.length !== 1 || biasDims[0] !== columns) continue;
      // Inputs 2 and 3 (scale, zero point) must be present before the bias slot.
      if ((matmul.input?.length ?? 0) < 4) continue;
      matmul.input = [...(matmul.input ?? []), biasName];
      matmul.output = [...(add.output ?? [])];
      removed.add(add);
      break;
    }
  }
  graph.node = graph.node.filter((node) => !removed.has(node));
  return removed.size;
}

// Rewrites "patch" ConvTransposes (kernel == stride, no padding, no
// dilation, one group, constant weight and bias) as Transpose -> MatMul ->
// Add -> Reshape -> Transpose -> Reshape. Each output pixel of such a
// ConvTranspose reads exactly one input pixel, so it is a per-pixel matrix
// product followed by a pixel shuffle. Why: SAM's mask decoder upsamples
// its output with two 2x2/stride-2 ConvTransposes, and onnxruntime's WASM
// ConvTranspose (GEMM + col2im) took about a third of a browser decode;
// as MatMuls they run on the same kernels as the rest of the graph and can
// be int8-quantised with them.
//
// Weight [Cin, Cout, k, k] flattened row-major is already the MatMul's
// [Cin, Cout*k*k] with column index co*k*k + i*k + j, so the patch matrix
// splits into (Cout, k, k) without moving data.
import type { OnnxAttributeProto, OnnxGraphProto, OnnxNodeProto } from "./load-onnx-schema";

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

type Attribute = OnnxAttributeProto;
type Tensor = {
  name?: string | null;
  dataType?: number | null;
  dims?: (number | { toNumber(): number })[] | null;
  rawData?: Uint8Array | null;
  floatData?: number[] | null;
};
type Graph = OnnxGraphProto & { initializer: Tensor[] };
type Node = OnnxNodeProto;

function ints(node: Node, name: string): number[] | null {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute?.ints ? attribute.ints.map(Number) : null;
}

function int(node: Node, name: string): number | null {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute?.i === undefined || attribute?.i === null ? null : Number(attribute.i);
}

/** The ConvTranspose's square patch size k when it is a pure patch expansion, else null. */
function patchSize(node: Node, weight: Tensor | undefined): number | null {
  if (!weight || weight.dataType !== FLOAT) return null;
  const dims = weight.dims?.map(Number) ?? [];
  if (dims.length !== 4 || dims[2] !== dims[3]) return null;
  const k = dims[2] as number;
  const sameAll = (values: number[] | null, expected: number, length: number) =>
    values === null || (values.length === length && values.every((v) => v === expected));
  const strides = ints(node, "strides");
  const kernel = ints(node, "kernel_shape");
  if (!strides || strides.length !== 2 || strides.some((s) => s !== k)) return null;
  if (kernel && kernel.some((s) => s !== k)) return null;
  if (!sameAll(ints(node, "pads"), 0, 4) || !sameAll(ints(node, "dilations"), 1, 2)) return null;
  if (!sameAll(ints(node, "output_padding"), 0, 2) || ints(node, "output_shape")) return null;
  const group = int(node, "group");
  if (group !== null && group !== 1) return null;
  const autoPad = node.attribute?.find((a) => a.name === "auto_pad");
  if (autoPad) return null;
  return k;
}

/** The tensor's float bytes, whether stored raw or as float_data. */
function floatBytes(tensor: Tensor): Uint8Array {
  if (tensor.rawData && tensor.rawData.length > 0) return tensor.rawData;
  return new Uint8Array(Float32Array.from(tensor.floatData ?? []).buffer);
}

const intsAttribute = (name: string, values: number[]): Attribute => ({ name, type: 7, ints: values });
const intAttribute = (name: string, value: number): Attribute => ({ name, type: ATTRIBUTE_INT, i: value });

/** Rewrites the graph in place; returns how many ConvTransposes were replaced. */
export function rewritePatchConvTransposes(graphProto: OnnxGraphProto): number {
  const graph = graphProto as Graph;
  const initializers = new Map(graph.initializer.map((t) => [t.name ?? "", t]));
  const rewritten: Node[] = [];
  const replaced = new Set<string>();
  let count = 0;
  for (const original of graph.node as Node[]) {
    const [input, weightName, biasName] = original.input ?? [];
    const weight = initializers.get(weightName ?? "");
    const k = original.opType === "ConvTranspose" && (original.domain ?? "") === "" ? patchSize(original, weight) : null;
    const output = original.output?.[0];
    const constantBias = !biasName || initializers.get(biasName)?.dataType === FLOAT;
    if (k === null || !input || !weight || !output || !constantBias) {
      rewritten.push(original);
      continue;
    }
    const [cin, cout] = (weight.dims ?? []).map(Number) as [number, number];
    const base = `${original.name ?? output}/as_matmul`;
    const matrixName = `${weightName}/as_matmul`;
    const constant = (name: string, dataType: number, dims: number[], data: ArrayBufferView) =>
      graph.initializer.push({ name, dataType, dims, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    graph.initializer.push({ name: matrixName, dataType: FLOAT, dims: [cin, cout * k * k], rawData: floatBytes(weight) });
    const steps: Node[] = [
      { name: `${base}/to_nhwc`, opType: "Transpose", input: [input], output: [`${base}/nhwc`], attribute: [intsAttribute("perm", [0, 2, 3, 1])] },
      { name: `${base}/matmul`, opType: "MatMul", input: [`${base}/nhwc`, matrixName], output: [`${base}/patches`] },
    ];
    let patches = `${base}/patches`;
    const bias = initializers.get(biasName ?? "");
    if (biasName && bias?.dataType === FLOAT) {
      // Each output channel's bias repeated over its k*k patch positions, added
      // on the patch matrix: a bias the MatMul can absorb (see fuse-matmul-bias).
      const values = new Float32Array(new Uint8Array(floatBytes(bias)).buffer); // a copy: rawData may be a view into a pooled Buffer
      const repeated = Float32Array.from({ length: cout * k * k }, (_, index) => values[Math.floor(index / (k * k))] as number);
      constant(`${base}/bias`, FLOAT, [cout * k * k], repeated);
      steps.push({ name: `${base}/add_bias`, opType: "Add", input: [patches, `${base}/bias`], output: [`${base}/patches_biased`] });
      patches = `${base}/patches_biased`;
    }
    // [1,H,W,Cout*k*k] -> [1,H,W,Cout,k,k] -> [1,Cout,H,k,W,k] -> [1,Cout,H*k,W*k]:
    // one transpose does the pixel shuffle; the final shape comes from the input's.
    constant(`${base}/split_shape`, INT64, [6], BigInt64Array.from([0n, 0n, 0n, BigInt(cout), BigInt(k), BigInt(k)]));
    constant(`${base}/spatial_start`, INT64, [1], BigInt64Array.from([2n]));
    constant(`${base}/spatial_end`, INT64, [1], BigInt64Array.from([4n]));
    constant(`${base}/patch`, INT64, [1], BigInt64Array.from([BigInt(k)]));
    constant(`${base}/leading_shape`, INT64, [2], BigInt64Array.from([0n, BigInt(cout)]));
    steps.push(
      { name: `${base}/split`, opType: "Reshape", input: [patches, `${base}/split_shape`], output: [`${base}/split`] },
      { name: `${base}/shuffle`, opType: "Transpose", input: [`${base}/split`], output: [`${base}/shuffled`], attribute: [intsAttribute("perm", [0, 3, 1, 4, 2, 5])] },
      { name: `${base}/input_shape`, opType: "Shape", input: [input], output: [`${base}/input_shape`] },
      { name: `${base}/input_hw`, opType: "Slice", input: [`${base}/input_shape`, `${base}/spatial_start`, `${base}/spatial_end`], output: [`${base}/input_hw`] },
      { name: `${base}/output_hw`, opType: "Mul", input: [`${base}/input_hw`, `${base}/patch`], output: [`${base}/output_hw`] },
      { name: `${base}/output_shape`, opType: "Concat", input: [`${base}/leading_shape`, `${base}/output_hw`], output: [`${base}/output_shape`], attribute: [intAttribute("axis", 0)] },
      { name: `${base}/merge`, opType: "Reshape", input: [`${base}/shuffled`, `${base}/output_shape`], output: [output] },
    );
    rewritten.push(...steps);
    for (const name of [weightName, biasName]) if (name) replaced.add(name);
    count++;
  }
  graph.node = rewritten;
  // The original 4-D weights and biases, now read by nothing.
  const used = new Set(rewritten.flatMap((node) => node.input ?? []));
  graph.initializer = graph.initializer.filter((tensor) => used.has(tensor.name ?? "") || !replaced.has(tensor.name ?? ""));
  return count;
}

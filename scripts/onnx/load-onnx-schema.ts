// The ONNX protobuf classes, taken from the protobufjs static module that
// ships inside onnxruntime-web (lib/onnxjs/ort-schema/protobuf/onnx.js), so no
// extra dependency or hand-written .proto is needed to edit a model. The
// package's "exports" map hides lib/, so the file is located on disk and
// loaded with require (it is CommonJS). Only the fields this repository
// reads or writes are typed below.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface OnnxDimension {
  dimValue?: number | { toNumber(): number } | null;
  dimParam?: string | null;
}
export interface OnnxTypeProto {
  tensorType?: { elemType?: number | null; shape?: { dim?: OnnxDimension[] | null } | null } | null;
}
export interface OnnxValueInfoProto {
  name?: string | null;
  type?: OnnxTypeProto | null;
  docString?: string | null;
}
export interface OnnxAttributeProto {
  name?: string | null;
  type?: number | null;
  i?: number | { toNumber(): number } | null;
  ints?: (number | { toNumber(): number })[] | null;
  s?: Uint8Array | null;
}
export interface OnnxNodeProto {
  input?: string[] | null;
  output?: string[] | null;
  name?: string | null;
  opType?: string | null;
  domain?: string | null;
  attribute?: OnnxAttributeProto[] | null;
}
export interface OnnxGraphProto {
  node: OnnxNodeProto[];
  input: OnnxValueInfoProto[];
  output: OnnxValueInfoProto[];
  valueInfo: OnnxValueInfoProto[];
}
export interface OnnxModelProto {
  graph?: OnnxGraphProto | null;
  metadataProps: { key?: string | null; value?: string | null }[];
}

interface MessageClass<T> {
  decode(bytes: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

export interface OnnxSchema {
  ModelProto: MessageClass<OnnxModelProto>;
  /** TensorProto.DataType values used here. */
  dataType: { FLOAT: 1; INT64: 7 };
}

let cached: OnnxSchema | undefined;

export function loadOnnxSchema(): OnnxSchema {
  if (cached) return cached;
  const require = createRequire(path.join(process.cwd(), "noop.js"));
  const searchDirs = require.resolve.paths("onnxruntime-web") ?? [];
  const relative = "onnxruntime-web/lib/onnxjs/ort-schema/protobuf/onnx.js";
  const file = searchDirs.map((dir) => path.join(dir, relative)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`Cannot find ${relative}: is onnxruntime-web installed?`);
  const loaded = createRequire(file)(file) as { onnx?: { ModelProto?: MessageClass<OnnxModelProto> } };
  if (!loaded.onnx?.ModelProto) throw new Error(`${file} does not export onnx.ModelProto`);
  cached = { ModelProto: loaded.onnx.ModelProto, dataType: { FLOAT: 1, INT64: 7 } };
  return cached;
}

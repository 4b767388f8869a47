// tfjs with the WebAssembly backend, started once per process. tfjs-node
// does not install offline; the wasm backend trains on one thread (SIMD) and
// is ~5x faster than the pure-JS "cpu" backend (shared/docs/stack-notes.md).
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

let ready: Promise<typeof tf> | null = null;

export function tfjsRuntime(): Promise<typeof tf> {
  ready ??= (async () => {
    if (!(await tf.setBackend("wasm"))) throw new Error("The tfjs wasm backend could not start.");
    await tf.ready();
    return tf;
  })();
  // A failed start must not be cached forever.
  ready.catch(() => {
    ready = null;
  });
  return ready;
}

export type Tf = typeof tf;

import v8 from "node:v8";
import vm from "node:vm";

/**
 * Bytes of V8 heap + external memory (ArrayBuffers, Buffers) that each of
 * `copies` objects made by `open` keeps alive, measured between two forced
 * garbage collections; the copies are released afterwards.
 */
export function heapPerCopy<T extends { destroy(): void }>(open: (i: number) => T, copies: number): number {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  gc();
  gc();
  const before = used();
  const kept = Array.from({ length: copies }, (_, i) => open(i));
  gc();
  gc();
  const after = used();
  for (const k of kept) k.destroy();
  return (after - before) / copies;
}

/**
 * Preloaded into an API process by `npm run soak` (`node --expose-gc --import <this file> …`), never by the API
 * itself: over the IPC channel the soak opened, it answers `{ type: 'memory' }` with the process's memory after a
 * full garbage collection, and `{ type: 'heap-snapshot', file }` by writing a V8 heap snapshot. Without an IPC
 * channel it does nothing.
 */
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';

export interface MemoryFigures {
  /** Resident set size, bytes. */
  rss: number;
  /** V8 heap in use after a full collection, bytes: what the process really keeps. */
  heapUsed: number;
  /** V8 heap reserved from the system, bytes. */
  heapTotal: number;
  /** Memory of C++ objects bound to JavaScript ones (Buffers among them), bytes. */
  external: number;
  arrayBuffers: number;
  /** Native contexts: grows when something keeps creating and keeping realms. */
  nativeContexts: number;
  detachedContexts: number;
  /** Whether a full collection ran first (only with --expose-gc). */
  collected: boolean;
}

export type MemoryProbeRequest = { type: 'memory' } | { type: 'heap-snapshot'; file: string };

export type MemoryProbeAnswer = { type: 'memory'; figures: MemoryFigures } | { type: 'heap-snapshot'; file: string };

/** Memory of this process, after a full garbage collection when `gc` is exposed. */
export function measureMemory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Two passes: the first can leave objects whose finalisers free more.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  const heap = getHeapStatistics();
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    nativeContexts: heap.number_of_native_contexts,
    detachedContexts: heap.number_of_detached_contexts,
    collected: gc !== undefined,
  };
}

if (process.send) {
  process.on('message', (message: MemoryProbeRequest) => {
    if (message?.type === 'memory') process.send!({ type: 'memory', figures: measureMemory() } satisfies MemoryProbeAnswer);
    else if (message?.type === 'heap-snapshot') process.send!({ type: 'heap-snapshot', file: writeHeapSnapshot(message.file) } satisfies MemoryProbeAnswer);
  });
}

/**
 * neo4j-driver sends a message to the socket in pieces of 1,400 bytes (the fixed buffer of its Chunker), one socket
 * write each, and offers no option for it. A loader file's rows (a few hundred kB) took hundreds of writes, and on
 * loopback each write also runs the receiver's TCP work: the loader spent a sixth of its Node CPU in them. Bolt
 * allows chunks of up to 65,535 bytes, so after a connection's first flush its Chunker takes buffers of 64 kB.
 * The driver still flushes at the end of every message, so nothing waits for a buffer to fill.
 */
import { createRequire } from 'node:module';

/** Bytes of a Chunker's buffer: a chunk's 2-byte header and its data, within Bolt's 65,535-byte chunks. */
export const driverWriteBufferBytes = 64 * 1024;

interface ChunkerPrototype {
  flush(this: { _bufferSize: number }): unknown;
}

let widened = false;

/**
 * Widens the driver's write buffers, once per process. Changes nothing when the driver's Chunker is not where or
 * what this expects (another driver version): the driver then works as it ships, and tests/driver-write-buffer fails.
 */
export function widenDriverWriteBuffer(): void {
  if (widened) return;
  let prototype: Partial<ChunkerPrototype> | undefined;
  try {
    const chunking = createRequire(import.meta.url)('neo4j-driver-bolt-connection/lib/channel/chunking.js') as { Chunker?: { prototype?: Partial<ChunkerPrototype> } };
    prototype = chunking.Chunker?.prototype;
  } catch {
    return;
  }
  const flush = prototype?.flush;
  if (!prototype || typeof flush !== 'function') return;
  prototype.flush = function widenThenFlush(this: { _bufferSize: number }) {
    // The next buffer (allocated by this flush) is the wide one; the first, from the constructor, stays 1,400 bytes.
    if (typeof this._bufferSize === 'number' && this._bufferSize < driverWriteBufferBytes) this._bufferSize = driverWriteBufferBytes;
    return flush.call(this);
  };
  widened = true;
}

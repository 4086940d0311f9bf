/**
 * The driver's write buffers (src/database/driver-write-buffer.ts): a large parameter reaches Neo4j whole, in
 * writes of up to 64 kB instead of 1,400 bytes.
 */
import { Socket } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { driverWriteBufferBytes } from '../src/database/driver-write-buffer.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

describe("the driver's socket writes", () => {
  it('send a 1 MB parameter in 64 kB writes, and Neo4j reads it whole', async () => {
    // 1,000 strings of 1,000 characters: about 1 MB of Bolt, which 1,400-byte writes would send in some 720 pieces.
    const rows = Array.from({ length: 1_000 }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(996)}`);
    await db.read('RETURN 1 AS warm');
    const write = vi.spyOn(Socket.prototype, 'write');
    try {
      const [row] = await db.read<{ count: number; bytes: number; last: string }>(
        'RETURN size($rows) AS count, reduce(total = 0, row IN $rows | total + size(row)) AS bytes, $rows[999] AS last',
        { rows },
      );
      expect(row).toEqual({ count: 1_000, bytes: 1_000_000, last: rows[999] });
      const sizes = write.mock.calls.map(([chunk]) => (chunk as Uint8Array).length);
      // The query and its rows: 15 full buffers and the rest (20 kB). The small writes around them (BEGIN, COMMIT,
      // a pool's RESET) vary; at 1,400 bytes no write was larger than that.
      expect(sizes.filter((size) => size === driverWriteBufferBytes).length).toBe(15);
      expect(sizes.filter((size) => size > 1_400).length).toBe(16);
      expect(sizes.reduce((total, size) => total + size, 0)).toBeGreaterThan(1_000_000);
    } finally {
      write.mockRestore();
    }
  });
});

import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputFile } from '../src/bench/api-process.js';

const folder = mkdtempSync(path.join(tmpdir(), 'csto-graph-output-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('OutputFile', () => {
  it('reads each line once, whole, when reads overlap', async () => {
    const file = path.join(folder, 'output.txt');
    writeFileSync(file, 'Starting Neo4j…\nNeo4j 5.26.30 is ready in 5.6 s\nRea');
    const output = new OutputFile(file);
    try {
      await Promise.all([output.read(), output.read(), output.read()]);
      appendFileSync(file, 'dy in 7.9 s\n');
      await Promise.all([output.read(), output.read()]);
      expect(output.lines.map((line) => line.text)).toEqual(['Starting Neo4j…', 'Neo4j 5.26.30 is ready in 5.6 s', 'Ready in 7.9 s']);
    } finally {
      output.stop();
    }
  });
});

/** Pruning the managed Neo4j's class-data archives: the most recently used are kept, abandoned recordings go. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptClassArchives, pruneClassArchives } from '../src/neo4j/class-data-sharing.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A cache folder with the given files, each used `minutesAgo` before now. */
function cacheWith(files: [name: string, minutesAgo: number][]): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-class-archives-'));
  directories.push(directory);
  for (const [name, minutesAgo] of files) {
    const file = path.join(directory, name);
    writeFileSync(file, name);
    const time = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(file, time, time);
  }
  return directory;
}

// A process that has exited: its pid names a recording nobody will keep.
const exitedPid = spawnSync(process.execPath, ['-e', '']).pid;

describe('pruneClassArchives', () => {
  it('keeps the three most recently used archives, live recordings and other files, and removes the rest', () => {
    const directory = cacheWith([
      ['neo4j-classes-00000000000000a1.jsa', 50],
      ['neo4j-classes-00000000000000a2.jsa', 1],
      ['neo4j-classes-00000000000000a3.jsa', 30],
      ['neo4j-classes-00000000000000a4.jsa', 5],
      ['neo4j-classes-00000000000000a5.jsa', 40],
      [`neo4j-classes-00000000000000b1.jsa.${process.pid}-1796017509955.partial`, 60],
      [`neo4j-classes-00000000000000b2.jsa.${exitedPid}-1796017509955.partial`, 0],
      ['classpath-5.26.30.txt', 90],
    ]);
    pruneClassArchives(directory);
    expect(keptClassArchives).toBe(3);
    expect(readdirSync(directory).sort()).toEqual([
      'classpath-5.26.30.txt',
      'neo4j-classes-00000000000000a2.jsa',
      'neo4j-classes-00000000000000a3.jsa',
      'neo4j-classes-00000000000000a4.jsa',
      `neo4j-classes-00000000000000b1.jsa.${process.pid}-1796017509955.partial`,
    ]);
  });

  it('removes nothing while there are no more archives than it keeps', () => {
    const directory = cacheWith([
      ['neo4j-classes-00000000000000a1.jsa', 50],
      ['neo4j-classes-00000000000000a2.jsa', 1],
    ]);
    pruneClassArchives(directory, 2);
    expect(readdirSync(directory).sort()).toEqual(['neo4j-classes-00000000000000a1.jsa', 'neo4j-classes-00000000000000a2.jsa']);
  });
});

/** The managed Neo4j's class-data archives: kept only from a JVM that served Neo4j; the most recently used kept, abandoned recordings pruned. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classDataSharing, keptClassArchives, pruneClassArchives } from '../src/neo4j/class-data-sharing.js';

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

describe('classDataSharing', () => {
  /** Starts a recording as a JVM would, writing the file its flag names; returns how to end it. */
  const record = (directory: string) => {
    const sharing = classDataSharing(directory, 'launcher.jar:neo4j.jar', '17.0.17');
    const recording = sharing.flags.find((flag) => flag.startsWith('-XX:ArchiveClassesAtExit='))!.split('=')[1]!;
    writeFileSync(recording, 'classes');
    return sharing;
  };

  it('drops the recording of a JVM that never served Neo4j (a refused start), and records again next time', () => {
    const directory = cacheWith([]);
    const refused = record(directory);
    expect(refused.recording).toBe(true);
    refused.keepArchive(false);
    expect(readdirSync(directory)).toEqual([]);
    expect(classDataSharing(directory, 'launcher.jar:neo4j.jar', '17.0.17').recording).toBe(true);
  });

  it('keeps the recording of a JVM that served Neo4j, which later starts then map', () => {
    const directory = cacheWith([]);
    record(directory).keepArchive(true);
    const [archive] = readdirSync(directory);
    expect(archive).toMatch(/^neo4j-classes-[0-9a-f]{16}\.jsa$/);
    const next = classDataSharing(directory, 'launcher.jar:neo4j.jar', '17.0.17');
    expect(next.recording).toBe(false);
    expect(next.flags).toContain(`-XX:SharedArchiveFile=${path.join(directory, archive!)}`);
  });
});

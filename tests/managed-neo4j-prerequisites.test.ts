/** Without Java or Maven the managed Neo4j must fail at once, in one line that names the alternatives. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startManagedNeo4j } from '../src/neo4j/managed-neo4j.js';
import { Neo4jPrerequisiteError } from '../src/neo4j/neo4j-errors.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const originalPath = process.env.PATH;
const scratch: string[] = [];

/** A directory to use as the whole PATH, holding fake tools that print what `java -version` would. */
function fakePath(tools: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'csto-graph-path-'));
  scratch.push(dir);
  for (const [name, stderr] of Object.entries(tools)) {
    writeFileSync(path.join(dir, name), `#!/bin/sh\necho '${stderr}' >&2\n`);
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

async function prerequisiteMessage(pathValue: string): Promise<string> {
  process.env.PATH = pathValue;
  const error: unknown = await startManagedNeo4j({ dataDir: path.join(pathValue, 'data'), log: () => {} }).catch((e) => e);
  expect(error).toBeInstanceOf(Neo4jPrerequisiteError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  expect(message).toContain('Alternatives: set NEO4J_URI to an existing Neo4j, or run `docker compose up neo4j`.');
  return message;
}

afterEach(() => {
  process.env.PATH = originalPath;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('managed Neo4j prerequisites', () => {
  test('names every missing tool', async () => {
    const message = await prerequisiteMessage(fakePath({}));
    expect(message).toContain('(java: missing, javac: missing, mvn: missing)');
  });

  test('names Maven when only Maven is missing', async () => {
    const version = 'openjdk version "17.0.15" 2025-04-15';
    const message = await prerequisiteMessage(fakePath({ java: version, javac: 'javac 17.0.15' }));
    expect(message).toContain('(java: found, javac: found, mvn: missing)');
  });

  test('rejects a Java older than 17', async () => {
    const message = await prerequisiteMessage(fakePath({ java: 'openjdk version "11.0.2" 2019-01-15', javac: '', mvn: '' }));
    expect(message).toContain('(java: version 11, javac: found, mvn: found)');
  });

  test('`npm run neo4j` prints the one line without a stack trace and exits 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/commands/neo4j.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PATH: fakePath({}) },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'neo4j: The managed local Neo4j needs a Java 17+ JDK and Maven on PATH (java: missing, javac: missing, mvn: missing). ' +
        'Alternatives: set NEO4J_URI to an existing Neo4j, or run `docker compose up neo4j`.',
    ]);
  });
});

describe('a data folder that cannot be one', () => {
  test('is refused in one line naming it, before anything is fetched or started', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csto-graph-data-'));
    scratch.push(dir);
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    for (const dataDir of [file, path.join(file, 'data')]) {
      const error: unknown = await startManagedNeo4j({ dataDir, log: () => {} }).catch((e) => e);
      expect([(error as Error).name, (error as Error).message]).toEqual(['Neo4jStartError', `The data folder ${dataDir} (NEO4J_DATA_DIR) cannot be used: it, or a folder on its path, is a file.`]);
    }
  });
});

/**
 * The managed local Neo4j against a real JVM: each start takes 10-20 s (minutes on a cold Maven cache), so
 * one data directory is reused across the tests of a block.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startManagedNeo4j, type ManagedNeo4j } from '../src/neo4j/managed-neo4j.js';
import { isAlive } from '../src/neo4j/run-process.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const startTimeout = 240_000;
/** The first start may have to fetch ~200 jars with Maven (minutes) when no earlier setup did. */
const firstStartTimeout = 900_000;

/** Java processes whose command line names this data directory (the launcher gets it as --home). */
function javaPidsFor(dataDir: string): number[] {
  const result = spawnSync('pgrep', ['-f', `Neo4jLauncher --home ${dataDir} `], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean).map(Number);
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function query<T>(instance: ManagedNeo4j, cypher: string, parameters: Record<string, unknown> = {}): Promise<T[]> {
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.username, instance.password));
  try {
    const { records } = await driver.executeQuery(cypher, parameters);
    return records.map((record) => record.toObject() as T);
  } finally {
    await driver.close();
  }
}

/** Asserts that the instance refuses user neo4j with this password. */
async function refuses(instance: ManagedNeo4j, password: string): Promise<void> {
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic('neo4j', password));
  try {
    await expect(driver.executeQuery('RETURN 1')).rejects.toThrow(/authentication failure|unauthorized/i);
  } finally {
    await driver.close();
  }
}

// Temporary folders are made in beforeAll, not in the describe's body, which runs even when a name filter skips every test.
describe('startManagedNeo4j', () => {
  let dataDir: string;
  const logs: string[] = [];
  let first: ManagedNeo4j;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'csto-graph-managed-'));
    first = await startManagedNeo4j({ dataDir, boltPort: 0, log: (line) => logs.push(line) });
  }, firstStartTimeout);

  afterAll(async () => {
    await first?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('listens on loopback with a generated password and reports the real port', () => {
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first.uri).not.toMatch(/:0$/);
    expect(first.username).toBe('neo4j');
    const passwordFile = path.join(dataDir, 'password');
    expect(readFileSync(passwordFile, 'utf8').trim()).toBe(first.password);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(logs.some((line) => line.includes(first.uri) && line.includes(first.password))).toBe(true);
  });

  test('is Neo4j 5.26.30 Community and stores what is written', async () => {
    const [component] = await query<{ versions: string[]; edition: string }>(
      first,
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions, edition",
    );
    expect(component).toEqual({ versions: ['5.26.30'], edition: 'community' });
    await query(first, 'CREATE (:ManagedProbe {name: $name})', { name: 'written before restart' });
    const rows = await query<{ name: string }>(first, 'MATCH (p:ManagedProbe) RETURN p.name AS name');
    expect(rows).toEqual([{ name: 'written before restart' }]);
  });

  test('rejects a wrong password', async () => {
    await refuses(first, 'not-the-password');
  });

  test('refuses a second start on the same data folder, saying how to connect to the running one', async () => {
    const error = await startManagedNeo4j({ dataDir, boltPort: 0, log: () => {} }).then(
      (second) => second.stop().then(() => Promise.reject(new Error('a second Neo4j started'))),
      (refused: unknown) => refused as Error,
    );
    expect(error.message).toContain(
      `Another managed Neo4j (pid ${first.pid}) is already running on ${dataDir} at ${first.uri}. Stop it, use another data directory, or connect to it with ` +
        `NEO4J_URI=${first.uri} and the NEO4J_PASSWORD it was started with (if it was given none, NEO4J_PASSWORD="$(cat ${path.join(dataDir, 'password')})").`,
    );
    expect(javaPidsFor(dataDir)).toEqual([first.pid]);
  }, startTimeout);

  test('stop() ends the Java process, and a restart reuses the password and the data', async () => {
    await first.stop();
    expect(isAlive(first.pid)).toBe(false);
    expect(javaPidsFor(dataDir)).toEqual([]);

    const second = await startManagedNeo4j({ dataDir, boltPort: 0, log: () => {} });
    try {
      expect(second.password).toBe(first.password);
      const rows = await query<{ name: string }>(second, 'MATCH (p:ManagedProbe) RETURN p.name AS name');
      expect(rows).toEqual([{ name: 'written before restart' }]);
    } finally {
      await second.stop();
    }
    expect(isAlive(second.pid)).toBe(false);
  }, startTimeout);

  test('a start with another password changes it, and the next start without one puts the saved one back', async () => {
    await first.stop();
    const lines: string[] = [];
    const changed = await startManagedNeo4j({ dataDir, boltPort: 0, password: 'another-password-42', log: (line) => lines.push(line) });
    try {
      // A mistyped NEO4J_PASSWORD changes the password too: it is said, not done silently.
      expect(lines.filter((line) => line.startsWith('NEO4J_PASSWORD'))).toEqual([
        `NEO4J_PASSWORD is not the password kept in ${path.join(dataDir, 'password')}: this start sets it as the password; a start without NEO4J_PASSWORD puts the kept one back.`,
      ]);
      expect(await query<{ answer: string }>(changed, "RETURN 'yes' AS answer")).toEqual([{ answer: 'yes' }]);
      await refuses(changed, first.password);
    } finally {
      await changed.stop();
    }
    const restored = await startManagedNeo4j({ dataDir, boltPort: 0, log: () => {} });
    try {
      expect(restored.password).toBe(first.password);
      expect(await query<{ answer: string }>(restored, "RETURN 'yes' AS answer")).toEqual([{ answer: 'yes' }]);
      await refuses(restored, 'another-password-42');
    } finally {
      await restored.stop();
    }
  }, 2 * startTimeout);
});

describe('npm run neo4j', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'csto-graph-command-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Starts the command as `npm run neo4j` would (through tsx), or as a single Node process for the crash case. */
  async function startCommand(via: 'tsx' | 'node'): Promise<{ command: ChildProcess; javaPid: number; output: () => string }> {
    const [executable, args] =
      via === 'tsx'
        ? [path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/commands/neo4j.ts']]
        : [process.execPath, ['--import', 'tsx', 'src/commands/neo4j.ts']];
    const command = spawn(executable, args, {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    command.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    command.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntil(() => output.includes('Press Ctrl-C to stop.') || command.exitCode !== null, startTimeout, 'the command to start');
    expect(output).toContain('Press Ctrl-C to stop.');
    expect(output).toMatch(/NEO4J_URI=bolt:\/\/127\.0\.0\.1:\d+/);
    const javaPid = Number(/Java pid (\d+)/.exec(output)?.[1]);
    expect(javaPidsFor(dataDir)).toEqual([javaPid]);
    return { command, javaPid, output: () => output };
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} stops Neo4j and leaves no Java process`, async () => {
      const { command, javaPid, output } = await startCommand('tsx');
      const exited = new Promise<number | null>((resolve) => command.on('exit', (code) => resolve(code)));
      command.kill(signal);
      const code = await exited;
      expect(isAlive(javaPid)).toBe(false);
      expect(javaPidsFor(dataDir)).toEqual([]);
      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(output()).toContain(`Received ${signal}`);
    }, startTimeout);
  }

  // Under `npm start` a Ctrl-C reaches Node twice: from the terminal, and forwarded by npm.
  test('a second SIGINT while stopping does not cut the stop short: it ends with "Stopped." and code 130', async () => {
    const { command, javaPid, output } = await startCommand('node');
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => command.on('close', (code, signal) => resolve([code, signal])));
    command.kill('SIGINT');
    await waitUntil(() => output().includes('Received SIGINT, shutting down…'), 10_000, 'the stop to begin');
    command.kill('SIGINT');
    expect(await closed).toEqual([130, null]);
    expect(output().trimEnd().split('\n').at(-1)).toBe('Stopped.');
    expect(isAlive(javaPid)).toBe(false);
    expect(javaPidsFor(dataDir)).toEqual([]);
  }, startTimeout);

  test('a SIGINT while Neo4j is still starting stops it, says so as a stop does, and leaves no Java process', async () => {
    const command = spawn(process.execPath, ['--import', 'tsx', 'src/commands/neo4j.ts'], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    command.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => command.on('close', (code, signal) => resolve([code, signal])));
    // Its Java process running, not yet ready (before it, a Ctrl-C has nothing to stop and ends Node at once).
    await waitUntil(() => javaPidsFor(dataDir).length === 1, startTimeout, 'the Java process to start');
    command.kill('SIGINT');
    // The signal is raised again once Neo4j has stopped, so the process ends as Ctrl-C ends it.
    expect(await closed).toEqual([null, 'SIGINT']);
    expect(output).not.toContain('Press Ctrl-C to stop.');
    expect(output.trimEnd().split('\n').slice(-2)).toEqual(['Received SIGINT, shutting down…', 'Stopped.']);
    expect(javaPidsFor(dataDir)).toEqual([]);
  }, startTimeout);

  test('a killed Node process (no chance to clean up) still takes Neo4j down', async () => {
    const { command, javaPid } = await startCommand('node');
    command.kill('SIGKILL');
    await waitUntil(() => !isAlive(javaPid), 30_000, `Java process ${javaPid} to exit`);
    expect(javaPidsFor(dataDir)).toEqual([]);
  }, startTimeout);
});

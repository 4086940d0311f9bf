/** End to end: the real server, started as `npm start` starts it, answering over HTTP. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../src/example-operations.js';
import { type RunningCommand, spawnCommand, waitUntilGone } from './support/spawn-command.js';
import { testNeo4j } from './support/test-neo4j.js';

const readyLine = /GraphQL and GraphiQL: (http:\/\/\S+)\/graphql/;

describe('the server against the test Neo4j (NODE_ENV=production)', () => {
  let server: RunningCommand;
  let baseUrl: string;

  beforeAll(async () => {
    const neo4j = testNeo4j();
    server = spawnCommand('node_modules/.bin/tsx', ['src/commands/start.ts'], {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    });
    baseUrl = (await server.waitFor(readyLine, 120_000))[1]!;
  });

  afterAll(async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(143);
  });

  it('answers { __typename } at /graphql, and /health and /ready', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' }, extensions: { cost: { estimatedRows: 0, budget: 25_000 } } });
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
  });

  it('serves GraphiQL in production with every asset from the server itself, and the example tabs', async () => {
    const response = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>csto-graph</title>');
    // No CDN: an air-gapped analyst's browser must not need to fetch anything else.
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
    for (const { title } of exampleOperations) expect(html).toContain(JSON.stringify(`# ${title}`).slice(1, -1));
  });

  it("runs every example operation of GraphiQL's tabs over HTTP without errors", async () => {
    const results = [];
    for (const operation of exampleOperations) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
      });
      const body = await response.json();
      expect(body.errors, operation.title).toBeUndefined();
      results.push(body.data);
    }
    const [help, membersAt, , search] = results;
    expect(help.refused.map((request: { requester: { name: string }; startDate: string }) => `${request.requester.name} ${request.startDate}`)).toEqual([
      'Kyrgyzstan 1999-01-01',
      'Kyrgyzstan 2010-01-01',
      'Kyrgyzstan 2021-01-01',
      'Armenia 2022-09-01',
    ]);
    expect(help.granted.map((request: { requester: { name: string } }) => request.requester.name)).toEqual(['Kazakhstan']);
    expect(membersAt.members).toHaveLength(7);
    expect(search.lookup.map((thing: { id: string }) => thing.id)).toEqual(['Organization:csto']);
  });

  it("warms up after Ready: every operation of GraphiQL's tabs and the explorer's once, none failing", async () => {
    const [line] = await server.waitFor(/^Warmed up: .*$/m, 120_000);
    expect(line).toMatch(/^Warmed up: ran GraphiQL's example queries and the explorer's once \(11 in \d+\.\d s\), so that Neo4j has planned them\.$/);
  });
});

describe('npm start with the managed local Neo4j', () => {
  /** Starts `npm start` with its own data folder and free ports; returns it with the Java process id. */
  async function startNpm(dataDir: string) {
    const command = spawnCommand('npm', ['start'], {
      ...process.env,
      NEO4J_URI: '',
      NEO4J_PASSWORD: '',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_BOLT_PORT: '0',
      PORT: '0',
    });
    const [, url] = await command.waitFor(readyLine, 300_000);
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' }, extensions: { cost: { estimatedRows: 0, budget: 25_000 } } });
    const pgrep = spawnSync('pgrep', ['-f', '--', `Neo4jLauncher --home ${dataDir}`], { encoding: 'utf8' });
    const javaPids = pgrep.stdout.split('\n').filter(Boolean).map(Number);
    if (javaPids.length !== 1) {
      process.kill(-command.child.pid!, 'SIGKILL');
      throw new Error(`Expected one Java process for ${dataDir}, found ${javaPids.length}:\n${command.output()}`);
    }
    return { command, javaPid: javaPids[0]! };
  }

  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-npm-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('leaves no Java process behind after Ctrl-C (SIGINT to the process group)', async () => {
    const { command, javaPid } = await startNpm(dataDir);
    process.kill(-command.child.pid!, 'SIGINT');
    await command.exited;
    expect(await waitUntilGone(javaPid, 60_000)).toBe(true);
  });

  // A process manager signals npm alone; npm does not always pass the signal on, and the server must still stop.
  it.each(['SIGTERM', 'SIGINT'] as const)('leaves no server and no Java process behind after %s to npm alone', async (signal) => {
    const { command, javaPid } = await startNpm(dataDir);
    const group = String(command.child.pid);
    const serverPids = spawnSync('pgrep', ['-g', group, '-f', '--', 'src/commands/start.ts'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    expect(serverPids.length).toBeGreaterThan(0);
    command.child.kill(signal);
    await command.exited;
    expect(await waitUntilGone(javaPid, 60_000)).toBe(true);
    for (const pid of serverPids) expect(await waitUntilGone(pid, 10_000)).toBe(true);
  });
});

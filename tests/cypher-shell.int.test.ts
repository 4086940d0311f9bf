/**
 * docs/model.md promises that cypher-shell runs the files of cypher/ unchanged: here the real cypher-shell, from
 * Maven Central (src/neo4j/cypher-shell/pom.xml), loads them and must build exactly the graph the loader built.
 * CSTO_SKIP_CYPHER_SHELL=1 skips this file (with that reason) where Maven cannot fetch cypher-shell.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCypherDirectory, listCypherFiles, loadCypherDirectory } from '../src/loader/load-cypher.js';
import { cypherShellScript } from '../src/loader/param-files.js';
import { splitCypher } from '../src/loader/split-cypher.js';
import { cypherShellMainClass, resolveCypherShellClasspath } from '../src/neo4j/cypher-shell.js';
import { countGraph, fingerprintGraph } from './support/graph-snapshot.js';
import { runProcess } from './support/run-process.js';
import { openTestDatabase, testNeo4j } from './support/test-neo4j.js';

const skipped = process.env.CSTO_SKIP_CYPHER_SHELL === '1';

const db = openTestDatabase();
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
let classpath: string;
let files: string[];
let statementCount: number;

beforeAll(async () => {
  if (skipped) return;
  classpath = await resolveCypherShellClasspath((line) => console.log(`[cypher-shell] ${line}`));
  files = await listCypherFiles(defaultCypherDirectory);
  // `:source` takes one word: file names with white space would be split.
  expect(files.filter((file) => /\s/.test(path.basename(file)))).toEqual([]);
  const scripts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  statementCount = scripts.reduce((sum, script) => sum + splitCypher(script).length, 0);
});
beforeEach(({ skip }) => skip(skipped, 'CSTO_SKIP_CYPHER_SHELL=1: cypher-shell was not run'));
afterAll(async () => {
  // Whatever a failed run left half-done, the loader completes it, so the files after this one see the full graph;
  // all files, because the loader's records still say they are loaded.
  if (!skipped) await loadCypherDirectory(db, { all: true });
  await db.close();
});

/** Every file of cypher/ in path order through one cypher-shell (one JVM start), each statement auto-committed. */
async function runThroughCypherShell() {
  const { uri, username, password, database } = testNeo4j();
  const result = await runProcess('java', ['-cp', classpath, cypherShellMainClass, '-a', uri, '-u', username, '-d', database, '--format', 'verbose'], {
    cwd: defaultCypherDirectory,
    env: { ...process.env, NEO4J_PASSWORD: password },
    // `:param` lines give each file the texts its `// @param-file` lines name, as docs/adding-a-source.md shows.
    input: await cypherShellScript(files, defaultCypherDirectory),
  });
  // Verbose output has one timing line per statement run and a counters line ("Added 1 nodes, …") per change.
  const lines = result.stdout.split('\n').filter(Boolean);
  const isTiming = (line: string) => line.startsWith('ready to start consuming query');
  return {
    code: result.code,
    stderr: result.stderr,
    statementsRun: lines.filter(isTiming).length,
    counterLines: lines.filter((line) => line !== '0 rows' && !isTiming(line)),
  };
}

describe('cypher-shell', () => {
  it('runs every statement of cypher/ against the loaded graph and changes nothing', async () => {
    const before = { counts: await countGraph(db), fingerprint: await fingerprintGraph(db) };
    const run = await runThroughCypherShell();
    expect(run).toEqual({ code: 0, stderr: '', statementsRun: statementCount, counterLines: [] });
    expect({ counts: await countGraph(db), fingerprint: await fingerprintGraph(db) }).toEqual(before);
  });

  it('runs as npm run cypher-shell, connected as every command is (NEO4J_URI, NEO4J_PASSWORD, the user neo4j by default)', async () => {
    const { uri, username, password, database } = testNeo4j();
    expect(username).toBe('neo4j');
    const result = await runProcess(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/commands/cypher-shell.ts', '--format', 'plain'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: uri, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
      input: "MATCH (s:Source {id: 'csto-2022-10-13'}) RETURN s.id AS source;\n",
    });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: 'source\n"csto-2022-10-13"\n' });
  });

  it("builds the loader's graph, property for property, from an empty graph", async () => {
    const loaded = await fingerprintGraph(db);
    const session = db.writeSession();
    // Every node but a Source cites one (graph-data.int.test.ts): this removes the whole article graph.
    await session.run('MATCH (s:Source) OPTIONAL MATCH (n)-[:SOURCED_FROM]->(s) DETACH DELETE n, s').finally(() => session.close());
    expect(await countGraph(db)).toEqual({ nodes: 0, relationships: 0, nodeProperties: 0, relationshipProperties: 0 });

    const run = await runThroughCypherShell();
    expect({ code: run.code, stderr: run.stderr, statementsRun: run.statementsRun }).toEqual({ code: 0, stderr: '', statementsRun: statementCount });
    expect(await fingerprintGraph(db)).toEqual(loaded);
  });
});

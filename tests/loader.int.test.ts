/** The Cypher loader against the real Neo4j: a second load changes nothing, a broken file writes nothing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CypherFileError, defaultCypherDirectory, listCypherFiles, loadCypherDirectory, loadCypherFile } from '../src/loader/load-cypher.js';
import { countGraph } from './support/graph-snapshot.js';
import { runProcess } from './support/run-process.js';
import { openTestDatabase, testNeo4j } from './support/test-neo4j.js';

const db = openTestDatabase();
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const cypherFileNames = async () => (await listCypherFiles(defaultCypherDirectory)).map((file) => path.basename(file));

// Two broken files, named so that a directory load stops at the first (the syntax error).
const brokenDirectory = mkdtempSync(path.join(tmpdir(), 'csto-graph-broken-cypher-'));
const syntaxErrorFile = path.join(brokenDirectory, '1-syntax-error.cypher');
const runtimeErrorFile = path.join(brokenDirectory, '2-runtime-error.cypher');
writeFileSync(
  syntaxErrorFile,
  `// Valid statements first: they share the transaction of the broken one, so they must be rolled back too.
MERGE (:LoaderProbe {id: 'probe-1'});
MERGE (:LoaderProbe {id: 'probe-2'});

MATCH (n:LoaderProbe)
RETRUN n;
`,
);
writeFileSync(
  runtimeErrorFile,
  `MERGE (:LoaderProbe {id: 'probe-3'});
CREATE (:Source {id: 'csto-2022-10-13'});
MERGE (:LoaderProbe {id: 'probe-4'});
`,
);

afterEach(async () => {
  // Only a failed rollback leaves probes; removing them keeps the pinned counts of the other test files true.
  const session = db.writeSession();
  await session.run('MATCH (n:LoaderProbe) DETACH DELETE n').finally(() => session.close());
});
afterAll(async () => {
  rmSync(brokenDirectory, { recursive: true, force: true });
  await db.close();
});

/** The error a promise rejects with; fails when it resolves. */
const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

const probeCount = async () => (await db.read<{ count: number }>('MATCH (n:LoaderProbe) RETURN count(n) AS count'))[0]!.count;

/** `npm run load` as a new user runs it: only the connection variables, from the project root. */
const runLoadCommand = (...args: string[]) => {
  const { uri, username, password, database } = testNeo4j();
  return runProcess(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/loader/load-command.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
  });
};

describe('loading cypher/ a second time', () => {
  it('changes nothing in any file and leaves the same nodes, relationships and properties', async () => {
    const before = await countGraph(db);
    const reports = await loadCypherDirectory(db);
    const unchanged = {
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
      labelsAdded: 0,
      indexesAdded: 0,
      constraintsAdded: 0,
    };
    const files = await cypherFileNames();
    expect(reports.map(({ file, changes }) => ({ file, changes }))).toEqual(files.map((file) => ({ file, changes: unchanged })));
    expect(await countGraph(db)).toEqual(before);
  });
});

describe('a broken file', () => {
  it('writes nothing and names the line of a syntax error', async () => {
    const error = await rejectionOf(loadCypherFile(db, syntaxErrorFile));
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: '1-syntax-error.cypher', line: 6, column: 1 });
    expect((error as Error).message).toMatch(
      /^1-syntax-error\.cypher:6:1: Neo\.ClientError\.Statement\.SyntaxError: Invalid input 'RETRUN'.* \(the file was rolled back; nothing of it was written\)$/,
    );
    expect(await probeCount()).toBe(0);
  });

  it('writes nothing and names the statement of a runtime error (a uniqueness violation)', async () => {
    const error = await rejectionOf(loadCypherFile(db, runtimeErrorFile));
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: '2-runtime-error.cypher', line: 2, column: undefined });
    expect((error as Error).message).toMatch(
      /^2-runtime-error\.cypher:2: Neo\.ClientError\.Schema\.ConstraintValidationFailed: .*csto-2022-10-13.* \(the file was rolled back; nothing of it was written\)$/,
    );
    expect(await probeCount()).toBe(0);
  });
});

describe('npm run load', () => {
  it('exits 0, reports every file of the loaded graph as unchanged and the model check as clean', async () => {
    const { code, stdout, stderr } = await runLoadCommand();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    const files = lines.slice(0, -2).map((line) => /^\[load\] \d+\/\d+ (\S+): \d+ statements, (.+) \(\d+ ms\)$/.exec(line)?.slice(1) ?? [line]);
    expect(files).toEqual((await cypherFileNames()).map((file) => [file, 'unchanged']));
    expect(lines.slice(-2)).toEqual([
      `[load] ${files.length} files into the Neo4j at ${testNeo4j().uri}: unchanged`,
      '[load] model check: 38 events, every one keeps the rules of docs/model.md',
    ]);
  });

  it('exits 1 on a broken file with one line naming the file, line and column, and no stack trace', async () => {
    const { code, stdout, stderr } = await runLoadCommand(brokenDirectory);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^load: 1-syntax-error\.cypher:6:1: Neo\.ClientError\.Statement\.SyntaxError: .* \(the file was rolled back; nothing of it was written\)$/),
    ]);
    expect(await probeCount()).toBe(0);
  });
});

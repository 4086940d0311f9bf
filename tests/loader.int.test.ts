/**
 * The Cypher loader against the real Neo4j: a second load changes nothing, a broken file or a wrong quote writes
 * nothing, and unchanged files are skipped.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../src/database/graph-database.js';
import { CypherFileError } from '../src/loader/cypher-file-error.js';
import { describeDispute, findDisputes } from '../src/loader/disputes.js';
import {
  defaultCypherDirectory,
  type FileReport,
  listCypherFiles,
  loadCypherDirectory,
  loadCypherFile,
  readLoadedFiles,
} from '../src/loader/load-cypher.js';
import { QuoteScopeTracker } from '../src/loader/quote-scope.js';
import { describeStaleEvidence, staleEvidenceAfter } from '../src/loader/stale-evidence.js';
import { splitCypher } from '../src/loader/split-cypher.js';
import { modelVocabulary } from '../src/loader/vocabulary.js';
import { createCstoYoga } from '../src/yoga.js';
import { countGraph } from './support/graph-snapshot.js';
import { execute, query } from './support/graphql-client.js';
import { runProcess } from './support/run-process.js';
import { openTestDatabase, testNeo4j } from './support/test-neo4j.js';

const db = openTestDatabase();
// The probes' own label and type, which the model lacks, may be brought into use by the files here.
const probeOptions = {
  vocabulary: {
    labels: [...modelVocabulary.labels, 'LoaderProbe'],
    relationshipTypes: [...modelVocabulary.relationshipTypes, 'PROBES'],
    propertyKeys: [...modelVocabulary.propertyKeys, 'probes', 'runs', 'held', 'loaded', 'seen', 'size'],
  },
};
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const cypherFileNames = async () => (await listCypherFiles(defaultCypherDirectory)).map((file) => path.relative(defaultCypherDirectory, file));

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

// A quote that is not the article's text at its offsets; the line that writes it is line 3.
const wrongQuoteFile = path.join(brokenDirectory, '3-wrong-quote.cypher');
writeFileSync(
  wrongQuoteFile,
  `MERGE (p:LoaderProbe {id: 'probe-5'})
WITH p MATCH (s:Source {id: 'csto-2022-10-13'})
MERGE (p)-[:SOURCED_FROM {quote: 'End of CSTO', quoteStart: 13, quoteEnd: 24}]->(s);
`,
);

// Locks one probe, then another: a writer holding the second and then asking for the first deadlocks with it.
const lockOrderDirectory = mkdtempSync(path.join(tmpdir(), 'csto-graph-lock-order-'));
const lockOrderName = '5-lock-order.cypher';
const lockOrderFile = path.join(lockOrderDirectory, lockOrderName);
writeFileSync(lockOrderFile, "MATCH (n:LoaderProbe {id: 'lock-first'}) SET n.loaded = true;\nMATCH (n:LoaderProbe {id: 'lock-second'}) SET n.loaded = true;\n");

// A folder of its own for the skip rule: two plain files, one in a sub-folder, and a derived file.
const skipDirectory = mkdtempSync(path.join(tmpdir(), 'csto-graph-skip-cypher-'));
mkdirSync(path.join(skipDirectory, '50-probe'));
const skipFiles = {
  first: '10-probe-first.cypher',
  second: '50-probe/20-probe-second.cypher',
  derived: '90-derived-probe-count.cypher',
};
const writeSkipFile = (name: string, text: string) => writeFileSync(path.join(skipDirectory, name), text);
writeSkipFile(skipFiles.first, "MERGE (:LoaderProbe {id: 'skip-first'});\n");
writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'});\n");
// Counts the probes every time it runs: it shows whether it ran, and that it ran after the others.
writeSkipFile(skipFiles.derived, "MATCH (n:LoaderProbe) WHERE n.id <> 'skip-count' WITH count(n) AS probes MERGE (c:LoaderProbe {id: 'skip-count'}) SET c.probes = probes, c.runs = coalesce(c.runs, 0) + 1;\n");

afterEach(async () => {
  // Only a failed rollback leaves probes; removing them keeps the pinned counts of the other test files true.
  const session = db.writeSession();
  await session
    .run('MATCH (n:LoaderProbe) DETACH DELETE n WITH count(*) AS done MATCH (f:LoadedFile) WHERE f.name IN $names DELETE f', {
      names: [...Object.values(skipFiles), '1-syntax-error.cypher', '2-runtime-error.cypher', '3-wrong-quote.cypher', '4-astral.cypher', lockOrderName, 'twice.cypher', 'stale.cypher'],
    })
    .finally(() => session.close());
});
afterAll(async () => {
  rmSync(brokenDirectory, { recursive: true, force: true });
  rmSync(skipDirectory, { recursive: true, force: true });
  rmSync(lockOrderDirectory, { recursive: true, force: true });
  await db.close();
});

/** The error a promise rejects with; fails when it resolves. */
const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

const probeCount = async () => (await db.read<{ count: number }>('MATCH (n:LoaderProbe) RETURN count(n) AS count'))[0]!.count;

/** The message a file of this name and text is refused with, loaded from a folder of its own; it must write nothing. */
async function refusalOf(name: string, text: string): Promise<string> {
  const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-refused-'));
  try {
    const file = path.join(directory, name);
    writeFileSync(file, text);
    const before = await countGraph(db);
    const error = await rejectionOf(loadCypherFile(db, file));
    expect(await countGraph(db)).toEqual(before);
    return (error as Error).message;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** A file of cypher/ with one line edited: the line (1-based) that has `marker`, and the file's text. */
function editedCypherFile(name: string, marker: (line: string) => boolean, was: string, now: string): { line: number; text: string } {
  const lines = readFileSync(path.join(defaultCypherDirectory, name), 'utf8').split('\n');
  const index = lines.findIndex(marker);
  expect(lines[index]).toContain(was);
  lines[index] = lines[index]!.replace(was, now);
  return { line: index + 1, text: lines.join('\n') };
}

/** `npm run load` as a new user runs it: only the connection variables, from the project root. */
const runLoadCommand = (...args: string[]) => {
  const { uri, username, password, database } = testNeo4j();
  return runProcess(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/commands/load.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
  });
};

describe('loading cypher/ a second time', () => {
  it('changes nothing in any file and leaves the same nodes, relationships and properties', async () => {
    const before = await countGraph(db);
    const reports = await loadCypherDirectory(db, { all: true });
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
    expect(reports.map(({ file, changes, skipped }) => ({ file, changes, skipped }))).toEqual(
      files.map((file) => ({ file, changes: unchanged, skipped: false })),
    );
    // 393 relationships are far below the default scopedQuoteCheckFrom (20,000): every data file gets the whole check.
    expect(reports.map(({ quoteCheck }) => quoteCheck)).toEqual(files.map((file) => (file === '00-schema.cypher' ? 'none' : 'whole')));
    // Every phase of a data file takes time; the schema file has no quote check; together they are the file's time.
    expect(
      reports.map(({ phases, milliseconds }) => ({
        statements: phases!.statements > 0,
        quoteCheck: phases!.quoteCheck > 0,
        commit: phases!.commit > 0,
        within: phases!.statements + phases!.quoteCheck + phases!.commit <= milliseconds,
      })),
    ).toEqual(files.map((file) => ({ statements: true, quoteCheck: file !== '00-schema.cypher', commit: true, within: true })));
    expect(await countGraph(db)).toEqual(before);
  });
});

describe('the skip rule', () => {
  const probes = async () =>
    Object.fromEntries(
      (await db.read<{ id: string; probes: number | null; runs: number | null }>('MATCH (n:LoaderProbe) RETURN n.id AS id, n.probes AS probes, n.runs AS runs')).map(
        ({ id, probes, runs }) => [id, id === 'skip-count' ? { probes, runs } : true],
      ),
    );
  const loadedNow = async (options: { all?: boolean } = {}) => {
    const lines: string[] = [];
    const reports = await loadCypherDirectory(db, { ...probeOptions, directory: skipDirectory, log: (line) => lines.push(line), ...options });
    return { loaded: reports.filter((report) => !report.skipped).map((report) => report.file), lastLine: lines.at(-1), lines };
  };
  const allFiles = [skipFiles.first, skipFiles.derived, skipFiles.second].sort();

  it('skips unchanged files, and says so in one line', async () => {
    expect(await loadedNow()).toMatchObject({ loaded: allFiles });
    const line = '[load] skipped all 3 files: unchanged since their last load (npm run load -- --all reloads them)';
    expect(await loadedNow()).toEqual({ loaded: [], lastLine: line, lines: [line] });
    expect(await probes()).toEqual({ 'skip-first': true, 'skip-second': true, 'skip-count': { probes: 2, runs: 1 } });
    expect([...(await readLoadedFiles(db)).keys()].filter((name) => allFiles.includes(name)).sort()).toEqual(allFiles);
  });

  it('reloads a changed file, and the derived files after it', async () => {
    await loadedNow();
    writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'});\nMERGE (:LoaderProbe {id: 'skip-third'});\n");
    try {
      const { loaded, lines } = await loadedNow();
      expect(loaded).toEqual([skipFiles.second, skipFiles.derived]);
      // In the files' order: the skipped first file, then the two loaded ones, then the summary.
      expect(lines.map((line) => line.replace(/ \(\d+ ms\) .*$/, ''))).toEqual([
        '[load] 1/3: unchanged since their last load, skipped',
        `[load] 2/3 ${skipFiles.second}: 2 statements, +1 node, +1 label, 1 property set`,
        `[load] 3/3 ${skipFiles.derived}: 1 statement, 2 properties set`,
        '[load] skipped 1 of 3 files: unchanged since their last load (npm run load -- --all reloads them)',
      ]);
      expect(await probes()).toEqual({ 'skip-first': true, 'skip-second': true, 'skip-third': true, 'skip-count': { probes: 3, runs: 2 } });
    } finally {
      writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'});\n");
    }
  });

  it('runs the derived files again after a run that failed before them, though every file is as it was', async () => {
    await loadedNow();
    // The first file changes and loads, the second fails: the run stops before the derived file.
    writeSkipFile(skipFiles.first, "MERGE (:LoaderProbe {id: 'skip-first'});\nMERGE (:LoaderProbe {id: 'skip-extra'});\n");
    writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'})\nRETRUN 1;\n");
    try {
      await expect(loadedNow()).rejects.toThrow(CypherFileError);
    } finally {
      writeSkipFile(skipFiles.first, "MERGE (:LoaderProbe {id: 'skip-first'});\n");
      writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'});\n");
    }
    expect(await probes()).toEqual({ 'skip-first': true, 'skip-second': true, 'skip-extra': true, 'skip-count': { probes: 2, runs: 1 } });
    // Back as they were, the files hash as at the derived file's last run; but the graph has the extra probe.
    expect((await loadedNow()).loaded).toEqual([skipFiles.first, skipFiles.derived]);
    expect(await probes()).toEqual({ 'skip-first': true, 'skip-second': true, 'skip-extra': true, 'skip-count': { probes: 3, runs: 2 } });
  });

  it('names the skipped files before a file that cannot be read, in their own line', async () => {
    await loadedNow();
    writeSkipFile(skipFiles.second, "// @param-file sourceText missing.txt\nMERGE (p:LoaderProbe {id: 'skip-second'}) SET p.size = size($sourceText);\n");
    const lines: string[] = [];
    try {
      await expect(loadCypherDirectory(db, { ...probeOptions, directory: skipDirectory, log: (line) => lines.push(line) })).rejects.toThrow(CypherFileError);
    } finally {
      writeSkipFile(skipFiles.second, "MERGE (:LoaderProbe {id: 'skip-second'});\n");
    }
    expect(lines).toEqual(['[load] 1/3: unchanged since their last load, skipped']);
  });

  it('reloads everything when forced (npm run load -- --all)', async () => {
    await loadedNow();
    const forced = await loadedNow({ all: true });
    expect(forced).toMatchObject({ loaded: allFiles });
    // The derived file writes again, as it computes from the graph; the others, being idempotent, write nothing.
    expect(forced.lines.filter((line) => line.includes('warning'))).toEqual([]);
    expect(await probes()).toEqual({ 'skip-first': true, 'skip-second': true, 'skip-count': { probes: 2, runs: 2 } });
  });

  it('warns when a file loaded again as it was writes again: it is not idempotent', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-twice-'));
    try {
      writeFileSync(path.join(directory, 'twice.cypher'), "CREATE (:LoaderProbe {id: 'probe-twice'});\n");
      const warnings = async (all: boolean) => {
        const lines: string[] = [];
        await loadCypherDirectory(db, { ...probeOptions, directory, all, log: (line) => lines.push(line) });
        return lines.filter((line) => line.includes('warning'));
      };
      expect(await warnings(false)).toEqual([]);
      expect(await warnings(true)).toEqual([
        '[load] warning: twice.cypher is as it was at its last load, yet it wrote again (+1 node, +1 label, 1 property set): it is not idempotent, ' +
          'and each load adds the same again (MERGE instead of CREATE, and append only what is new: docs/model.md, "Merge rules")',
      ]);
      expect(await db.read('MATCH (n:LoaderProbe {id: $id}) RETURN count(n) AS count', { id: 'probe-twice' })).toEqual([{ count: 2 }]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('records nothing for a file that failed, so it is tried again', async () => {
    await rejectionOf(loadCypherFile(db, syntaxErrorFile, undefined, undefined, probeOptions));
    expect((await readLoadedFiles(db)).has('1-syntax-error.cypher')).toBe(false);
  });
});

describe('the bookkeeping', () => {
  it('records every file of cypher/ and stays out of the API', async () => {
    const recorded = await readLoadedFiles(db);
    expect((await cypherFileNames()).filter((file) => !/^[0-9a-f]{64}$/.test(recorded.get(file) ?? ''))).toEqual([]);
    const yoga = createCstoYoga({ db });
    // Its names are file names: neither the full-text search nor a lookup by name or id finds one.
    const data = await query(yoga, `{ search(query: "cypher") { thing { id } } lookup(name: "00-schema.cypher") { id } }`);
    expect(data).toEqual({ search: [], lookup: [] });
    const byId = await execute(yoga, `{ thing(id: "00-schema.cypher") { id } }`);
    expect(byId.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('one record per file', () => {
  const write = async (query: string) => {
    const session = db.writeSession();
    await session.run(query).finally(() => session.close());
  };
  const recordCounts = async () =>
    db.read<{ name: string; records: number }>('MATCH (f:LoadedFile) WHERE f.name IN $names RETURN f.name AS name, count(f) AS records ORDER BY name', {
      names: Object.values(skipFiles),
    });

  it('is a constraint of the database: a second record of a name is refused', async () => {
    await loadCypherDirectory(db, { ...probeOptions, directory: skipDirectory });
    expect(await db.read("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE name = 'loaded_file_name'")).toEqual([
      { name: 'loaded_file_name', type: 'UNIQUENESS', labelsOrTypes: ['LoadedFile'], properties: ['name'] },
    ]);
    const error = await rejectionOf(write(`CREATE (:LoadedFile {name: '${skipFiles.first}'})`));
    expect((error as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
  });

  it('is restored in a database without it, and a file with two records loads again', async () => {
    await loadCypherDirectory(db, { ...probeOptions, directory: skipDirectory });
    // What two loaders at once could leave before the constraint: two records of one file.
    await write('DROP CONSTRAINT loaded_file_name');
    await write(`MATCH (f:LoadedFile {name: '${skipFiles.first}'}) CREATE (:LoadedFile {name: f.name, hash: f.hash})`);
    expect((await recordCounts()).map(({ records }) => records)).toEqual([2, 1, 1]);
    const reports = await loadCypherDirectory(db, { ...probeOptions, directory: skipDirectory });
    // The derived file runs after it, as after any earlier file that loads.
    expect(reports.filter((report) => !report.skipped).map((report) => report.file)).toEqual([skipFiles.first, skipFiles.derived]);
    expect(await recordCounts()).toEqual([
      { name: skipFiles.first, records: 1 },
      { name: skipFiles.second, records: 1 },
      { name: skipFiles.derived, records: 1 },
    ]);
    expect(await db.read("SHOW CONSTRAINTS YIELD name WHERE name = 'loaded_file_name'")).toEqual([{ name: 'loaded_file_name' }]);
  });
});

describe('a quote that is not its source', () => {
  it('rejects the file with the file, line, expected text and text found, and writes nothing', async () => {
    const error = await rejectionOf(loadCypherFile(db, wrongQuoteFile, undefined, undefined, probeOptions));
    expect(error).toBeInstanceOf(CypherFileError);
    expect((error as Error).message).toBe(
      "3-wrong-quote.cypher:3: the quote of probe-5-SOURCED_FROM->csto-2022-10-13 at [13, 24) of source 'csto-2022-10-13' fails: " +
        'it is not the source\'s text there; expected text: "End of CSTO"; text found: "End of ODKB"; ' +
        'npm run cite says: The quote does not occur in the text. (the file was rolled back; nothing of it was written)',
    );
    expect(await probeCount()).toBe(0);
    expect((await readLoadedFiles(db)).has('3-wrong-quote.cypher')).toBe(false);
  });
});

describe('a quote that is not text', () => {
  it('rejects the file, naming the number it holds as written', async () => {
    const file = path.join(brokenDirectory, '5-number-quote.cypher');
    writeFileSync(
      file,
      "MATCH (s:Source {id: 'csto-2022-10-13'})\nMERGE (p:LoaderProbe {id: 'probe-number'})\nMERGE (p)-[:SOURCED_FROM {quote: 2022, quoteStart: 13, quoteEnd: 17}]->(s);\n",
    );
    const error = await rejectionOf(loadCypherFile(db, file, undefined, undefined, probeOptions));
    expect((error as Error).message).toBe(
      "5-number-quote.cypher:3: the quote of probe-number-SOURCED_FROM->csto-2022-10-13 at [13, 17) of source 'csto-2022-10-13' fails: " +
        'it has no quote; expected text: 2022 (the file was rolled back; nothing of it was written)',
    );
    expect(await probeCount()).toBe(0);
  });
});

describe('a source with a character outside the Basic Multilingual Plane', () => {
  // The emoji is two UTF-16 units (offsets count those, as JavaScript does) but one code point (as Neo4j's substring counts).
  const astralFile = (start: number, end: number) => {
    const file = path.join(brokenDirectory, '4-astral.cypher');
    writeFileSync(
      file,
      "MERGE (s:Source:LoaderProbe {id: 'probe-astral'}) SET s.text = '\u{1F6E1} CSTO summit';\n" +
        `MATCH (s:Source {id: 'probe-astral'})\nMERGE (p:LoaderProbe {id: 'probe-astral-fact'})\nMERGE (p)-[:SOURCED_FROM {quote: 'CSTO', quoteStart: ${start}, quoteEnd: ${end}}]->(s);\n`,
    );
    return file;
  };

  it('accepts a quote at its UTF-16 offsets', async () => {
    await loadCypherFile(db, astralFile(3, 7), undefined, undefined, probeOptions);
    expect(await db.read("MATCH (:LoaderProbe {id: 'probe-astral-fact'})-[r:SOURCED_FROM]->() RETURN r.quote AS quote")).toEqual([{ quote: 'CSTO' }]);
  });

  it.each([
    ['at code-point offsets, naming the text found there', 2, 6, 'it is not the source\'s text there; expected text: "CSTO"; text found: " CST"'],
    ['at offsets past the end of the text', 3, 99, 'its offsets [3, 99) are outside the source\'s 14 UTF-16 units; expected text: "CSTO"'],
  ])('rejects it %s, saying where the quote is', async (_, start, end, problem) => {
    const error = await rejectionOf(loadCypherFile(db, astralFile(start, end), undefined, undefined, probeOptions));
    expect((error as Error).message).toBe(
      `4-astral.cypher:4: the quote of probe-astral-fact-SOURCED_FROM->probe-astral at [${start}, ${end}) of source 'probe-astral' fails: ${problem}; ` +
        'the quote is in the source at [3, 7) (the file was rolled back; nothing of it was written)',
    );
    expect(await probeCount()).toBe(0);
  });
});

describe('quotes checked in a run of several files', () => {
  // The first file only adds (a good quote): the next file's check covers what it adds, or everything when it edits.
  const goodFile = "MATCH (s:Source {id: 'csto-2022-10-13'})\nMERGE (p:LoaderProbe {id: 'probe-good'})\nMERGE (p)-[:SOURCED_FROM {quote: 'End of ODKB', quoteStart: 13, quoteEnd: 24}]->(s);\n";
  const runOf = async (second: string) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-run-cypher-'));
    try {
      writeFileSync(path.join(directory, '1-good.cypher'), goodFile);
      writeFileSync(path.join(directory, '2-second.cypher'), second);
      const error = await rejectionOf(loadCypherDirectory(db, { ...probeOptions, directory, all: true, scopedQuoteCheckFrom: 0 }));
      const loaded = await readLoadedFiles(db);
      return { error, loaded: ['1-good.cypher', '2-second.cypher'].filter((name) => loaded.has(name)) };
    } finally {
      rmSync(directory, { recursive: true, force: true });
      const session = db.writeSession();
      await session.run("MATCH (f:LoadedFile) WHERE f.name IN ['1-good.cypher', '2-second.cypher'] DELETE f").finally(() => session.close());
    }
  };

  it('rejects a wrong quote in a file that only adds, after a file that loaded', async () => {
    const { error, loaded } = await runOf(
      "MATCH (s:Source {id: 'csto-2022-10-13'})\nMERGE (p:LoaderProbe {id: 'probe-bad'})\nMERGE (p)-[:SOURCED_FROM {quote: 'End of CSTO', quoteStart: 13, quoteEnd: 24}]->(s);\n",
    );
    expect(error).toMatchObject({ file: '2-second.cypher', line: 3 });
    expect((error as Error).message).toContain("the quote of probe-bad-SOURCED_FROM->csto-2022-10-13 at [13, 24) of source 'csto-2022-10-13' fails");
    expect(loaded).toEqual(['1-good.cypher']);
    expect(await db.read('MATCH (n:LoaderProbe) RETURN n.id AS id ORDER BY id')).toEqual([{ id: 'probe-good' }]);
  });

  it('fails a file whose text file is missing at its turn, though it was read while the file before it loaded', async () => {
    const { error, loaded } = await runOf('// The text it cites is not there.\n// @param-file sourceText sources/missing.txt\nRETURN size($sourceText);\n');
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: '2-second.cypher', line: 2 });
    expect((error as Error).message).toMatch(/^2-second\.cypher:2: cannot read the file of parameter \$sourceText \(ENOENT: no such file or directory, open '.*missing\.txt'\) \(nothing of it was sent\)$/);
    expect(loaded).toEqual(['1-good.cypher']);
    expect(await db.read('MATCH (n:LoaderProbe) RETURN n.id AS id ORDER BY id')).toEqual([{ id: 'probe-good' }]);
  });

  it('names the statement that failed first, though the statements after it were sent before its answer came', async () => {
    // Line 2 breaks a uniqueness constraint; lines 3 and 4 are new shapes, so the loader asks Neo4j for their plans after it.
    const { error, loaded } = await runOf(
      "MERGE (:LoaderProbe {id: 'probe-first'});\nCREATE (:Source {id: 'csto-2022-10-13'});\nMERGE (:LoaderProbe {id: 'probe-after'});\nMATCH (p:LoaderProbe) SET p.seen = true;\n",
    );
    expect(error).toMatchObject({ file: '2-second.cypher', line: 2, column: undefined });
    expect((error as Error).message).toMatch(/^2-second\.cypher:2: Neo\.ClientError\.Schema\.ConstraintValidationFailed: .*csto-2022-10-13.* \(the file was rolled back; nothing of it was written\)$/);
    expect(loaded).toEqual(['1-good.cypher']);
    expect(await db.read('MATCH (n:LoaderProbe) RETURN n.id AS id, n.seen AS seen ORDER BY id')).toEqual([{ id: 'probe-good', seen: null }]);
  });

  it('names a statement that Neo4j cannot plan, after the statements sent before it answered', async () => {
    const { error, loaded } = await runOf("MERGE (:LoaderProbe {id: 'probe-first'});\nMERGE (:LoaderProbe {id: 'probe-second'});\n\nMATCH (p:LoaderProbe)\nRETRUN p;\n");
    expect(error).toMatchObject({ file: '2-second.cypher', line: 5, column: 1 });
    expect((error as Error).message).toMatch(/^2-second\.cypher:5:1: Neo\.ClientError\.Statement\.SyntaxError: Invalid input 'RETRUN'/);
    expect(loaded).toEqual(['1-good.cypher']);
    expect(await db.read('MATCH (n:LoaderProbe) RETURN n.id AS id ORDER BY id')).toEqual([{ id: 'probe-good' }]);
  });

  it.each([
    // The second file's ids would hold no clue: the mark it reads is above whatever id the other writer's relationship took.
    ['the first file, whose whole check passed', 1, [{ id: 'probe-first' }, { id: 'probe-other' }]],
    ['the second file, checked in its scope', 2, [{ id: 'probe-first' }, { id: 'probe-other' }, { id: 'probe-second' }]],
  ])('checks every quote again when another writer added a relationship after %s', async (_, writtenAfter, probes) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-between-cypher-'));
    const files = [
      ['1-first.cypher', goodFile.replaceAll('probe-good', 'probe-first')],
      // Creates no relationship, so its scope holds even where Neo4j reuses the ids that earlier tests freed.
      ['2-second.cypher', "MERGE (:LoaderProbe {id: 'probe-second'});\n"],
      ['3-third.cypher', goodFile.replaceAll('probe-good', 'probe-third')],
    ].map(([name, text]) => {
      const file = path.join(directory, name!);
      writeFileSync(file, text!);
      return file;
    });
    const tracker = new QuoteScopeTracker(0);
    const session = db.writeSession();
    try {
      const checks = [];
      for (const file of files.slice(0, writtenAfter)) checks.push((await loadCypherFile(db, file, undefined, tracker, probeOptions)).quoteCheck);
      expect(checks).toEqual(['whole', 'scoped'].slice(0, writtenAfter));
      // Not a loader: nothing checks this quote when it commits.
      await session.run("MATCH (s:Source {id: 'csto-2022-10-13'}) CREATE (:LoaderProbe {id: 'probe-other'})-[:SOURCED_FROM {quote: 'CSTO', quoteStart: 20, quoteEnd: 24}]->(s)");
      const error = await rejectionOf(loadCypherFile(db, files[writtenAfter]!, undefined, tracker, probeOptions));
      expect((error as Error).message).toBe(
        `${path.basename(files[writtenAfter]!)}: the quote of probe-other-SOURCED_FROM->csto-2022-10-13 at [20, 24) of source 'csto-2022-10-13' fails: it is not the source's text there; ` +
          'expected text: "CSTO"; text found: "ODKB"; npm run cite says: The quote occurs 16 times, at 151, 583, 1106, 1375, 1482, 1641, 1894, 2180, ' +
          '4822, 5374, 5563, 6135, 6430, 6964, 7335, 7755: choose one with --occurrence 1 to 16, or quote more of the sentence. ' +
          '(the file was rolled back; nothing of it was written)',
      );
      expect(await db.read('MATCH (n:LoaderProbe) RETURN n.id AS id ORDER BY id')).toEqual(probes);
    } finally {
      rmSync(directory, { recursive: true, force: true });
      await session.run("MATCH (f:LoadedFile) WHERE f.name IN ['1-first.cypher', '2-second.cypher', '3-third.cypher'] DELETE f").finally(() => session.close());
    }
  });

  it("rejects a file that breaks another file's quote by editing it, though it creates nothing", async () => {
    const { error, loaded } = await runOf("MATCH (:LoaderProbe {id: 'probe-good'})-[r:SOURCED_FROM]->() SET r.quoteEnd = 25;\n");
    expect(error).toMatchObject({ file: '2-second.cypher' });
    expect((error as Error).message).toContain("the quote of probe-good-SOURCED_FROM->csto-2022-10-13 at [13, 25) of source 'csto-2022-10-13' fails");
    expect(loaded).toEqual(['1-good.cypher']);
  });

  it("rejects a file that breaks another file's quote while it adds good ones", async () => {
    const { error } = await runOf(
      "MATCH (s:Source {id: 'csto-2022-10-13'})\nMERGE (p:LoaderProbe {id: 'probe-more'})\nMERGE (p)-[:SOURCED_FROM {quote: 'End of ODKB', quoteStart: 13, quoteEnd: 24}]->(s)\n" +
        "WITH s MATCH (:LoaderProbe {id: 'probe-good'})-[r:SOURCED_FROM]->(s) SET r.quote = 'End of CSTO';\n",
    );
    expect((error as Error).message).toContain("the quote of probe-good-SOURCED_FROM->csto-2022-10-13 at [13, 24) of source 'csto-2022-10-13' fails");
  });
});

describe('quotes appended to the evidence lists of a relationship that exists', () => {
  // docs/adding-a-source.md's fact template: the second file MERGEs the relationship the first created and appends to its lists.
  const append = (quote: string, quoteStart: number, quoteEnd: number) =>
    "MATCH (p:LoaderProbe {id: 'probe-lists'}), (s:Source {id: 'csto-2022-10-13'})\n" +
    `UNWIND [{quote: '${quote}', quoteStart: ${quoteStart}, quoteEnd: ${quoteEnd}}] AS row\n` +
    'MERGE (p)-[r:PROBES]->(s)\nON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []\n' +
    "WITH r, row, 'csto-2022-10-13' AS sourceId\n" +
    'WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)\n' +
    'SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;\n';
  const first = "MERGE (:LoaderProbe {id: 'probe-lists'});\n" + append('End of ODKB', 13, 24);
  const run = async (second: string) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-append-cypher-'));
    try {
      writeFileSync(path.join(directory, '1-first.cypher'), first);
      writeFileSync(path.join(directory, '2-second.cypher'), second);
      let reports: Awaited<ReturnType<typeof loadCypherDirectory>> = [];
      let error: unknown;
      try {
        reports = await loadCypherDirectory(db, { ...probeOptions, directory, all: true, scopedQuoteCheckFrom: 0 });
      } catch (failure) {
        error = failure;
      }
      const quotes = await db.read<{ quotes: string[] }>("MATCH (:LoaderProbe {id: 'probe-lists'})-[r:PROBES]->() RETURN r.quotes AS quotes");
      return { error, reports, quotes: quotes[0]?.quotes };
    } finally {
      rmSync(directory, { recursive: true, force: true });
      const session = db.writeSession();
      await session
        .run("MATCH (f:LoadedFile) WHERE f.name IN ['1-first.cypher', '2-second.cypher'] DELETE f WITH count(*) AS done MATCH (p:LoaderProbe {id: 'probe-lists'}) DETACH DELETE p")
        .finally(() => session.close());
    }
  };

  it('checks a good appended quote in the scope of the file, not the whole database', async () => {
    const { error, reports, quotes } = await run(append('End of ODK', 13, 23));
    expect(error).toBeUndefined();
    expect(reports.map((report) => report.quoteCheck)).toEqual(['whole', 'scoped']);
    expect(quotes).toEqual(['End of ODKB', 'End of ODK']);
  });

  it('rejects a wrong quote appended to a relationship that another file created', async () => {
    const { error, quotes } = await run(append('End of CSTO', 13, 23));
    expect(error).toMatchObject({ file: '2-second.cypher' });
    expect((error as Error).message).toContain("the quote of probe-lists-PROBES->csto-2022-10-13 at [13, 23) of source 'csto-2022-10-13' fails");
    expect(quotes).toEqual(['End of ODKB']);
  });

  it('rejects a wrong quote written into the lists in place, by a statement the scope cannot follow', async () => {
    const { error, reports } = await run("MATCH (:LoaderProbe {id: 'probe-lists'})-[r:PROBES]->() SET r.quotes = ['End of CSTO'] WITH r RETURN r.quotes;\n");
    expect(reports).toEqual([]);
    expect((error as Error).message).toContain("the quote of probe-lists-PROBES->csto-2022-10-13 at [13, 24) of source 'csto-2022-10-13' fails");
  });
});

describe('a file outside the model', () => {
  // Made when its tests run, so that a run filtered to other tests leaves no folder behind.
  let outsideDirectory: string;
  beforeAll(() => {
    outsideDirectory = mkdtempSync(path.join(tmpdir(), 'csto-graph-outside-model-'));
  });
  afterAll(() => rmSync(outsideDirectory, { recursive: true, force: true }));
  // The loader's own LoadedFile is allowed, but no label of the model, so the message leaves it out.
  const model = `(labels: State, Person, Organization, Place, Event, Statement, Claim, Source, Entity; relationship types: ${modelVocabulary.relationshipTypes.join(', ')})`;

  it('is rolled back when it writes a label docs/model.md does not have, naming the line that writes it', async () => {
    const file = path.join(outsideDirectory, 'misspelt-label.cypher');
    writeFileSync(file, `// An organisation, spelt the British way\nMERGE (n:Organisation:Entity {id: 'probe-organisation'})\nSET n.name = 'Probe';\n`);
    const before = await countGraph(db);
    const error = await rejectionOf(loadCypherFile(db, file));
    expect(error).toMatchObject({ file: 'misspelt-label.cypher', line: 2 });
    expect((error as Error).message).toBe(
      `misspelt-label.cypher:2: the file writes the label Organisation (did you mean Organization?), which docs/model.md does not have ${model} (the file was rolled back; nothing of it was written)`,
    );
    expect(await countGraph(db)).toEqual(before);
  });

  it('is rolled back when it writes a relationship type docs/model.md does not have', async () => {
    const file = path.join(outsideDirectory, 'unknown-type.cypher');
    writeFileSync(file, `MATCH (a:Person {id: 'vladimir-putin'}), (b:Organization {id: 'csto'})\nMERGE (a)-[:LEADS]->(b);\n`);
    const before = await countGraph(db);
    const error = await rejectionOf(loadCypherFile(db, file));
    expect((error as Error).message).toBe(
      `unknown-type.cypher:2: the file writes the relationship type LEADS, which docs/model.md does not have ${model} (the file was rolled back; nothing of it was written)`,
    );
    expect(await countGraph(db)).toEqual(before);
  });

  it('points a MERGE whose misspelt label makes it create a second node with an id at that MERGE, and says why', async () => {
    const text = `// Armenia, restated with a misspelt label\nMATCH (s:Source {id: 'csto-2022-10-13'})\nMERGE (n:Stat:Entity {id: 'armenia'})\nSET n.name = 'Armenia';\n`;
    expect(await refusalOf('misspelt-merge.cypher', text)).toMatch(
      new RegExp(
        "^misspelt-merge\\.cypher:3: Neo\\.ClientError\\.Schema\\.ConstraintValidationFailed: Node\\(\\d+\\) already exists with label `Entity` and property `id` = 'armenia' " +
          '\\(MERGE finds a node only with every label of its pattern: its label Stat \\(did you mean State\\?\\) is not in docs/model.md makes it create a second node with the same id\\) ' +
          '\\(the file was rolled back; nothing of it was written\\)$',
      ),
    );
    // Labels all in the model, but one the node lacks: the MERGE still creates a second node.
    const wrongKind = `MERGE (n:Place:Entity {id: 'armenia'})\nSET n.name = 'Armenia';\n`;
    expect(await refusalOf('wrong-kind.cypher', wrongKind)).toMatch(/\(MERGE finds a node only with every label of its pattern: one the existing node lacks, a misspelt label\?, makes it create a second node with the same id\)/);
  });

  it('is refused before anything is sent when it writes a property docs/model.md does not have, naming the line and the key it meant', async () => {
    const text = `// A person whose name is misspelt\nMERGE (n:Person:Entity {id: 'probe-person'})\nON CREATE SET n.nmae = 'Probe';\n`;
    expect(await refusalOf('misspelt-property.cypher', text)).toBe(
      'misspelt-property.cypher:3: the property nmae is not in docs/model.md (did you mean name?): the API never reads it, and reads the property it was meant for as missing (nothing of it was sent)',
    );
  });

  it('is rolled back when a new Entity has no kind label (State, Person …), from which the API reads its kind', async () => {
    expect(await refusalOf('no-kind.cypher', `// A town without its kind\nMERGE (p:Entity {id: 'probe-town'})\nON CREATE SET p.name = 'Probe town';\n`)).toBe(
      'no-kind.cypher:2: the file writes Entity probe-town with none of the labels State, Person, Organization and Place: ' +
        "the API reads a thing's kind from them, so every query that reached it would fail; write (n:Place:Entity …) or the like (the file was rolled back; nothing of it was written)",
    );
  });

  it('is rolled back when a new State, Person, Organization or Place lacks the label Entity, which the API finds things by', async () => {
    const text = `MERGE (p:Place:Entity {id: 'probe-place-ok'}) SET p.name = 'Fine';\nMERGE (p:Place {id: 'probe-place'})\nSET p.name = 'Probe';\n`;
    expect(await refusalOf('no-entity.cypher', text)).toBe(
      'no-entity.cypher:2: the file writes Place probe-place without the label Entity, which every State, Person, Organization and Place carries (docs/model.md): ' +
        'the API finds things through it, so thing() and lookup would not; write (n:Place:Entity …) (the file was rolled back; nothing of it was written)',
    );
  });
});

describe('a parameter the file does not declare', () => {
  it('names the line of the statement, not of the comment above it, and says how to declare one', async () => {
    const text = `// The source, without its @param-file line\nMERGE (s:LoaderProbe {id: 'probe-source'})\nSET s.text = $sourceText;\n`;
    expect(await refusalOf('source.cypher', text)).toBe(
      'source.cypher:2: Neo.ClientError.Statement.ParameterMissing: Expected parameter(s): sourceText ' +
        '(a file declares a text parameter with a line `// @param-file <name> <path of a text file>`) (the file was rolled back; nothing of it was written)',
    );
  });
});

describe('a relationship row that names no node', () => {
  it('rejects the file, naming the id and the line, where the MATCH alone would have dropped the row', async () => {
    const text =
      `UNWIND [\n  {from: 'vladimir-putin', to: 'russia', id: 'probe-office'},\n  {from: 'vladimir-putin', to: 'cstoo', id: 'probe-office-2'}\n] AS row\n` +
      `MATCH (a:Person {id: row.from}), (b:Entity {id: row.to})\nMERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b);\n`;
    expect(await refusalOf('office.cypher', text)).toBe(
      "office.cypher:3: a relationship row names 'cstoo' as its to, but no node has that id (did you mean 'csto'?), so the row would write nothing (the file was rolled back; nothing of it was written)",
    );
    // An id two edits from none of the nodes its pattern can match gets no guess.
    expect(await refusalOf('office.cypher', text.replace("'cstoo'", "'atlantis'"))).toBe(
      "office.cypher:3: a relationship row names 'atlantis' as its to, but no node has that id, so the row would write nothing (the file was rolled back; nothing of it was written)",
    );
  });
});

describe('a relationship row whose end its statement matches under another label', () => {
  it.each([
    ['a misspelt label', '(b:Sate {id: row.to})', 'which its statement matches as (:Sate {id: row.to}), but it is a State'],
    ['the label of another kind', '(b:Organization {id: row.to})', 'which its statement matches as (:Organization {id: row.to}), but it is a State'],
  ])('rejects the file for %s, where the MATCH alone would have dropped the row', async (_, pattern, reason) => {
    const text =
      `UNWIND [\n  {from: 'vladimir-putin', to: 'russia', id: 'probe-office'},\n  {from: 'vladimir-putin', to: 'kazakhstan', id: 'probe-office-2'}\n] AS row\n` +
      `MATCH (a:Person {id: row.from}), ${pattern}\nMERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b);\n`;
    expect(await refusalOf('office.cypher', text)).toBe(
      `office.cypher:2: a relationship row names 'russia' as its to, ${reason}, so the row would write nothing (and 1 more: 'kazakhstan') (the file was rolled back; nothing of it was written)`,
    );
  });
});

describe('a row whose value the API reads through an enum that lacks it', () => {
  it('is refused before anything is sent, for an event already in the graph too, where the templates would keep it as a dispute', async () => {
    const { line, text } = editedCypherFile(
      '13-csto-2022-10-13-events.cypher',
      (candidate) => candidate.includes("{id: 'help-request-kyrgyzstan-2010'"),
      "status: 'OCCURRED'",
      "status: 'OCURRED'",
    );
    expect(await refusalOf('events.cypher', text)).toBe(
      `events.cypher:${line}: the row of 'help-request-kyrgyzstan-2010' gives status "OCURRED" (did you mean OCCURRED?), which is not one of CANCELLED, OCCURRED, PLANNED: ` +
        'the API reads Event.status through that enum, so every query that reached it would fail (nothing of it was sent)',
    );
  });
});

describe('a row that misspells or leaves out a key', () => {
  const belarusRow = (candidate: string) => candidate.includes("id: 'belarus-csto-1993'") && candidate.includes('quoteStart: 4523');

  it('names a key the statement never reads, with the key it most likely meant, before anything is sent', async () => {
    const { line, text } = editedCypherFile('12-csto-2022-10-13-memberships-offices.cypher', belarusRow, 'quoteStart: 4523', 'quoteStrat: 4523');
    expect(await refusalOf('misspelt-key.cypher', text)).toBe(
      `misspelt-key.cypher:${line}: the rows give quoteStrat (did you mean quoteStart?), which the statement never reads as row.<key>: ` +
        'Cypher reads a key no row gives as null, so the value would be dropped without a word. Read the key, or leave it out of the rows (nothing of it was sent)',
    );
  });

  it('refuses a misspelt key the same way in a directory load, where the rows are checked while the file before loads', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-rows-'));
    try {
      const { line, text } = editedCypherFile('12-csto-2022-10-13-memberships-offices.cypher', belarusRow, 'quoteStart: 4523', 'quoteStrat: 4523');
      writeFileSync(path.join(directory, '1-first.cypher'), "MATCH (s:Source {id: 'csto-2022-10-13'}) RETURN s.id;\n");
      writeFileSync(path.join(directory, '2-misspelt.cypher'), text);
      const before = await countGraph(db);
      const error = await rejectionOf(loadCypherDirectory(db, { directory, all: true }));
      expect((error as Error).message).toMatch(new RegExp(`^2-misspelt\\.cypher:${line}: the rows give quoteStrat \\(did you mean quoteStart\\?\\)`));
      expect(await countGraph(db)).toEqual(before);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("names a quote's missing offset key at its row, among the rows that give the fact's other quotes, before anything is sent", async () => {
    const { line, text } = editedCypherFile('12-csto-2022-10-13-memberships-offices.cypher', belarusRow, ' quoteStart: 4523,', '');
    expect(await refusalOf('missing-key.cypher', text)).toBe(
      `missing-key.cypher:${line}: the row from 'belarus' to 'csto' (id 'belarus-csto-1993') gives no quoteStart, which the statement reads as row.<key>: ` +
        "every fact and thing needs its quote and the quote's offsets in its source (npm run cite gives them) (nothing of it was sent)",
    );
  });
});

describe('a quote whose row changed its text and offsets', () => {
  it('is listed after the load, and after every load until it is gone, as a quote no file gives any more, with the Cypher that removes it', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-stale-'));
    try {
      const file = path.join(directory, 'stale.cypher');
      const version = (quote: string, start: number, end: number) =>
        `MERGE (:LoaderProbe {id: 'stale-a'});\nMERGE (:LoaderProbe {id: 'stale-b'});\nUNWIND [\n  {from: 'stale-a', to: 'stale-b', quote: '${quote}', quoteStart: ${start}, quoteEnd: ${end}}\n] AS row\n` +
        'MATCH (a:LoaderProbe {id: row.from}), (b:LoaderProbe {id: row.to})\nMERGE (a)-[r:PROBES]->(b)\n' +
        'ON CREATE SET r.sourceIds = [], r.quotes = [], r.quoteStarts = [], r.quoteEnds = []\n' +
        "WITH r, row, 'csto-2022-10-13' AS sourceId\n" +
        'WHERE NOT any(i IN range(0, size(r.quotes) - 1) WHERE r.sourceIds[i] = sourceId AND r.quoteStarts[i] = row.quoteStart AND r.quoteEnds[i] = row.quoteEnd)\n' +
        'SET r.sourceIds = r.sourceIds + sourceId, r.quotes = r.quotes + row.quote, r.quoteStarts = r.quoteStarts + row.quoteStart, r.quoteEnds = r.quoteEnds + row.quoteEnd;\n';
      const load = async () => {
        const reports = await loadCypherDirectory(db, { directory, ...probeOptions });
        return { reports, stale: await staleEvidenceAfter(db, reports, [file], directory) };
      };
      writeFileSync(file, version('End of ODKB', 13, 24));
      expect((await load()).stale).toEqual([]);
      writeFileSync(file, version('ODKB', 20, 24));
      const { reports, stale } = await load();
      expect(reports.map(({ file: name, changedSinceLoad }) => [name, changedSinceLoad])).toEqual([['stale.cypher', true]]);
      const [probes] = await db.read<{ element: string }>("MATCH (:LoaderProbe {id: 'stale-a'})-[r:PROBES]->() RETURN elementId(r) AS element");
      expect(stale.map(describeStaleEvidence)).toEqual([
        `stale-a-PROBES->stale-b [13, 24) of source 'csto-2022-10-13': "End of ODKB"; remove it with: MATCH ()-[r]->() WHERE elementId(r) = "${probes!.element}" ` +
          'WITH r, [i IN range(0, size(r.quotes) - 1) WHERE NOT (r.sourceIds[i] = "csto-2022-10-13" AND r.quoteStarts[i] = 13 AND r.quoteEnds[i] = 24)] AS keep ' +
          'SET r.sourceIds = [i IN keep | r.sourceIds[i]], r.quotes = [i IN keep | r.quotes[i]], r.quoteStarts = [i IN keep | r.quoteStarts[i]], r.quoteEnds = [i IN keep | r.quoteEnds[i]]',
      ]);
      // Listed again by every later load, until it is gone: a first warning is easily missed.
      const again = await load();
      expect([again.reports.map(({ skipped }) => skipped), again.stale]).toEqual([[true], stale]);
      const session = db.writeSession();
      await session.run(stale[0]!.removal).finally(() => session.close());
      const quotes = "MATCH (:LoaderProbe {id: 'stale-a'})-[r:PROBES]->() RETURN r.sourceIds AS sourceIds, r.quotes AS quotes, r.quoteStarts AS starts, r.quoteEnds AS ends";
      expect(await db.read(quotes)).toEqual([{ sourceIds: ['csto-2022-10-13'], quotes: ['ODKB'], starts: [20], ends: [24] }]);
      // The graph is now what a load into an empty database gives: nothing is stale, and the record lets it go.
      expect((await load()).stale).toEqual([]);
      expect(await db.read("MATCH (f:LoadedFile {name: 'stale.cypher'}) RETURN f.staleQuotes AS staleQuotes")).toEqual([{ staleQuotes: null }]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('a value a source disputes', () => {
  it("is called an edit of the file, not a dispute, when that source is the fact's only one", async () => {
    const session = db.writeSession();
    const tx = session.beginTransaction();
    try {
      // Written and read in one transaction that is rolled back: the graph stays as loaded.
      const dispute = (id: string, sourceId: string) =>
        tx.run(
          "MATCH (:State)-[m:MEMBER_OF {id: $id}]->() SET m.disputedProperties = ['startPrecision'], m.disputedValues = ['YEAR'], m.disputedSourceIds = [$sourceId]",
          { id, sourceId },
        );
      await dispute('armenia-csto-1992', 'csto-2022-10-13');
      await dispute('belarus-csto-1993', 'another-source');
      const inTransaction = { read: async (cypher: string) => (await tx.run(cypher)).records.map((record) => record.toObject()) } as unknown as GraphDatabase;
      expect((await findDisputes(inTransaction)).map(describeDispute)).toEqual([
        "armenia-MEMBER_OF->csto#armenia-csto-1992 startPrecision: 'DAY' kept; 'csto-2022-10-13' gives 'YEAR', but it is the fact's only source: its row was edited since it was loaded, " +
          'and the graph keeps the value first loaded (set on create only); load into an empty database to take the new one',
        "belarus-MEMBER_OF->csto#belarus-csto-1993 startPrecision: 'YEAR' kept; 'another-source' gives 'YEAR'",
      ]);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});

describe('a quote edited at offsets the graph already holds', () => {
  // The templates append evidence only at new offsets, so the edit never reaches the graph; the file's own rows are judged.
  it.each([
    [
      'a fact, the second of three rows citing one sentence',
      '12-csto-2022-10-13-memberships-offices.cypher',
      "id: 'azerbaijan-csto-1993'",
      ['Azerbaijan left the CSTO', 'Azerbaijan quit the CSTO'],
      "the file's quote for azerbaijan-MEMBER_OF->csto#azerbaijan-csto-1993 at [5311, 5378) of source 'csto-2022-10-13' fails: it is not the source's text there; " +
        'expected text: "Within five years, Uzbekistan, Georgia and Azerbaijan quit the CSTO"; text found: "Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO"; ',
    ],
    [
      "a thing's provenance (SOURCED_FROM)",
      '11-csto-2022-10-13-entities.cypher',
      "{quote: 'Neighboring Kyrgyzstan turned to the CSTO for help three times'",
      ['help three times', 'help twice'],
      "the file's quote for kyrgyzstan-SOURCED_FROM->csto-2022-10-13 at [6393, 6455) of source 'csto-2022-10-13' fails: it is not the source's text there; " +
        'expected text: "Neighboring Kyrgyzstan turned to the CSTO for help twice"; text found: "Neighboring Kyrgyzstan turned to the CSTO for help three times"; ',
    ],
  ])('rejects %s, naming its line, and writes nothing', async (_, name, marker, [was, now], reason) => {
    const { line, text } = editedCypherFile(name, (candidate) => candidate.includes(marker), was!, now!);
    expect(await refusalOf(name, text)).toBe(
      `${name}:${line}: ${reason}the graph keeps what was first loaded at these offsets, so only a load into an empty database would show this; ` +
        'npm run cite says: The quote does not occur in the text. (the file was rolled back; nothing of it was written)',
    );
  });
});

describe('a broken file', () => {
  it('writes nothing and names the line of a syntax error', async () => {
    const error = await rejectionOf(loadCypherFile(db, syntaxErrorFile, undefined, undefined, probeOptions));
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: '1-syntax-error.cypher', line: 6, column: 1 });
    // The file's line and column lead; Neo4j's own position, in the text sent, is left out.
    expect((error as Error).message).toBe(
      "1-syntax-error.cypher:6:1: Neo.ClientError.Statement.SyntaxError: Invalid input 'RETRUN': expected a graph pattern, 'FOREACH', ',', 'ORDER BY', 'CALL', 'CREATE', " +
        "'LOAD CSV', 'DELETE', 'DETACH', 'FINISH', 'INSERT', 'LIMIT', 'MATCH', 'MERGE', 'NODETACH', 'OFFSET', 'OPTIONAL', 'REMOVE', 'RETURN', 'SET', 'SKIP', 'UNION', " +
        "'UNWIND', 'USE', 'USING', 'WHERE', 'WITH' or <EOF> (the file was rolled back; nothing of it was written)",
    );
    expect(await probeCount()).toBe(0);
  });

  it('writes nothing and names the statement of a runtime error (a uniqueness violation)', async () => {
    const error = await rejectionOf(loadCypherFile(db, runtimeErrorFile, undefined, undefined, probeOptions));
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: '2-runtime-error.cypher', line: 2, column: undefined });
    expect((error as Error).message).toMatch(
      /^2-runtime-error\.cypher:2: Neo\.ClientError\.Schema\.ConstraintValidationFailed: .*csto-2022-10-13.* \(the file was rolled back; nothing of it was written\)$/,
    );
    expect(await probeCount()).toBe(0);
  });
});

describe('a file whose transaction deadlocks with another writer', () => {
  /**
   * Starts `load` while another transaction holds the file's second probe (and one more, so that Neo4j aborts the
   * loader, the holder of fewer locks), waits until the loader waits for it, then asks for the probe the loader
   * holds, and commits once it has it. Answers the load's outcome and the property values after it.
   */
  async function deadlockWithLoader(load: () => Promise<FileReport[]>) {
    const setup = db.writeSession();
    await setup.run("UNWIND ['lock-first', 'lock-second', 'lock-extra'] AS id CREATE (:LoaderProbe {id: id})").finally(() => setup.close());
    const writer = db.writeSession();
    const tx = writer.beginTransaction();
    try {
      await tx.run("MATCH (n:LoaderProbe) WHERE n.id IN ['lock-second', 'lock-extra'] SET n.held = true");
      const outcome = load().then(
        (reports) => ({ reports, error: undefined }),
        (error: unknown) => ({ reports: undefined, error }),
      );
      await waitForBlockedTransaction();
      await tx.run("MATCH (n:LoaderProbe {id: 'lock-first'}) SET n.held = true");
      await tx.commit();
      const { reports, error } = await outcome;
      const values = await db.read<{ id: string; loaded: boolean | null; held: boolean | null }>(
        "MATCH (n:LoaderProbe) WHERE n.id STARTS WITH 'lock-' RETURN n.id AS id, n.loaded AS loaded, n.held AS held ORDER BY id",
      );
      return { reports, error, values };
    } finally {
      await writer.close();
    }
  }

  async function waitForBlockedTransaction() {
    for (let attempt = 0; attempt < 500; attempt++) {
      const blocked = await db.read("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked by' RETURN status");
      if (blocked.length) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the loader never waited for the held probe');
  }

  it('loads the file again after the deadlock, and says so on its line', async () => {
    const lines: string[] = [];
    const { reports, error, values } = await deadlockWithLoader(() => loadCypherDirectory(db, { ...probeOptions, directory: lockOrderDirectory, log: (line) => lines.push(line) }));
    expect(error).toBeUndefined();
    expect(reports!.map(({ file, changes, retries }) => ({ file, propertiesSet: changes.propertiesSet, retries }))).toEqual([
      { file: lockOrderName, propertiesSet: 2, retries: ['Neo.TransientError.Transaction.DeadlockDetected'] },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[load\] 1\/1 5-lock-order\.cypher: 2 statements, 2 properties set \(\d+ ms, retried once after Neo\.TransientError\.Transaction\.DeadlockDetected\) · no nodes or relationships created so far$/,
    );
    expect(values).toEqual([
      { id: 'lock-extra', loaded: null, held: true },
      { id: 'lock-first', loaded: true, held: true },
      { id: 'lock-second', loaded: true, held: true },
    ]);
  });

  it('with no retries left, names the statement and the deadlock, and writes nothing', async () => {
    const { error, values } = await deadlockWithLoader(async () => [await loadCypherFile(db, lockOrderFile, undefined, undefined, { ...probeOptions, transientRetries: 0 })]);
    expect(error).toBeInstanceOf(CypherFileError);
    expect(error).toMatchObject({ file: lockOrderName, line: 2, column: undefined });
    expect((error as Error).message).toMatch(
      /^5-lock-order\.cypher:2: Neo4j aborted the file's transaction once, the last time with Neo\.TransientError\.Transaction\.DeadlockDetected \(ForsetiClient.*can't acquire ExclusiveLock.*\); another writer was probably changing the same nodes at the same time: load again when it is done \(the file was rolled back; nothing of it was written\)$/,
    );
    expect(values).toEqual([
      { id: 'lock-extra', loaded: null, held: true },
      { id: 'lock-first', loaded: null, held: true },
      { id: 'lock-second', loaded: null, held: true },
    ]);
    expect((await readLoadedFiles(db)).has(lockOrderName)).toBe(false);
  });
});

describe('npm run load', () => {
  it('exits 0, skips every file of the loaded graph in one line, and reports the model check as clean', async () => {
    const { code, stdout, stderr } = await runLoadCommand();
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const count = (await cypherFileNames()).length;
    expect(stdout.trimEnd().split('\n')).toEqual([
      `[load] skipped all ${count} files: unchanged since their last load (npm run load -- --all reloads them)`,
      `[load] loaded 0 of ${count} files into the Neo4j at ${testNeo4j().uri}: unchanged`,
      '[load] model check: 38 events, every one keeps the rules of docs/model.md',
    ]);
  });

  it('with --all, reports every file of the loaded graph as unchanged', async () => {
    const { code, stdout, stderr } = await runLoadCommand('--all');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trimEnd().split('\n');
    // Each file's line ends with the rows created per second so far and, before the last file, an ETA.
    const files = lines.slice(0, -2).map((line) => /^\[load\] \d+\/\d+ (\S+): (\d+ statements?), (.+) \(\d+ ms\) · no nodes or relationships created so far(?: · ETA (\d+) s)?$/.exec(line)?.slice(1) ?? [line]);
    const names = await cypherFileNames();
    const statements = (file: string) => splitCypher(readFileSync(path.join(defaultCypherDirectory, file), 'utf8')).length;
    expect(files.map(([file, count, changes, eta]) => [file, count, changes, eta !== undefined])).toEqual(
      names.map((file, index) => [file, statements(file) === 1 ? '1 statement' : `${statements(file)} statements`, 'unchanged', index < names.length - 1]),
    );
    expect(lines.slice(-2, -1)[0]).toMatch(new RegExp(`^\\[load\\] loaded ${files.length} of ${files.length} files into the Neo4j at ${testNeo4j().uri}: unchanged in \\d+\\.\\d s, 0 rows/s \\(statements \\d+\\.\\d s, quote checks \\d+\\.\\d s \\(the whole check \\d+\\.\\d s in ${files.length - 1} files\\), records and commits \\d+\\.\\d s\\)$`));
    expect(lines.at(-1)).toBe('[load] model check: 38 events, every one keeps the rules of docs/model.md');
  });

  it.each([
    ['a folder that does not exist', 'no/such/folder', 'load: There is no folder no/such/folder (Usage: npm run load -- [--all | --cypher-shell] [DIR]).'],
    ['a file', 'package.json', 'load: package.json is not a folder (Usage: npm run load -- [--all | --cypher-shell] [DIR]).'],
    ['a folder without .cypher files', 'docs', 'load: docs has no .cypher files, in it or in its sub-folders (Usage: npm run load -- [--all | --cypher-shell] [DIR]).'],
  ])('exits 1 on %s with one line, before connecting to Neo4j', async (_what, folder, line) => {
    // A Neo4j URI where nothing listens: the command must fail on the folder before it tries.
    const { code, stdout, stderr } = await runProcess(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/commands/load.ts', folder], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' },
    });
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
  });

  it('with --cypher-shell, exits 1 on a file whose text file is missing, with one line naming the file and line', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'csto-graph-shell-cypher-'));
    try {
      writeFileSync(path.join(directory, '1-source.cypher'), '// Its text is not there.\n// @param-file sourceText missing.txt\nRETURN size($sourceText);\n');
      const { code, stdout, stderr } = await runLoadCommand('--cypher-shell', directory);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/^load: 1-source\.cypher:2: cannot read the file of parameter \$sourceText \(ENOENT: no such file or directory, open '.*missing\.txt'\) \(nothing of it was sent\)\n$/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('stops quietly, with the status SIGPIPE gives, when the reader of its output goes away', async () => {
    const { uri, username, password, database } = testNeo4j();
    const { code, stdout, stderr } = await runProcess('bash', ['-o', 'pipefail', '-c', `"${path.join(projectRoot, 'node_modules', '.bin', 'tsx')}" src/commands/load.ts --all | head -n 1`], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
    });
    expect({ code, stderr, lines: stdout.trimEnd().split('\n').length }).toEqual({ code: 141, stderr: '', lines: 1 });
    expect(stdout).toMatch(/^\[load\] 1\/7 00-schema\.cypher: /);
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

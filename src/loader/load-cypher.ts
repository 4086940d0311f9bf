/** Imports the Cypher files of `cypher/` in name order, each file in one transaction. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jError } from 'neo4j-driver';
import { type GraphDatabase, mapNeo4jError, DatabaseQueryError } from '../database/graph-database.js';
import { splitCypher } from './split-cypher.js';

/** The project's own `cypher/` folder. */
export const defaultCypherDirectory = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** What one file changed, from Neo4j's own counters. All zero means the file changed nothing. */
export interface FileChanges {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  indexesAdded: number;
  constraintsAdded: number;
}

export interface FileReport {
  file: string;
  statements: number;
  changes: FileChanges;
  milliseconds: number;
}

/** A file failed: nothing of it was written. `line` is the line in the file where Neo4j points. */
export class CypherFileError extends Error {
  override name = 'CypherFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | undefined,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}${column === undefined ? '' : `:${column}`}: ${reason} (the file was rolled back; nothing of it was written)`, options);
  }
}

const emptyChanges = (): FileChanges => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
  labelsAdded: 0,
  indexesAdded: 0,
  constraintsAdded: 0,
});

/** One line a person can read: "+12 nodes, +30 relationships, 140 properties set", or "unchanged". */
export function describeChanges(changes: FileChanges): string {
  const parts = [
    changes.nodesCreated && `+${changes.nodesCreated} nodes`,
    changes.nodesDeleted && `-${changes.nodesDeleted} nodes`,
    changes.relationshipsCreated && `+${changes.relationshipsCreated} relationships`,
    changes.relationshipsDeleted && `-${changes.relationshipsDeleted} relationships`,
    changes.labelsAdded && `+${changes.labelsAdded} labels`,
    changes.propertiesSet && `${changes.propertiesSet} properties set`,
    changes.constraintsAdded && `+${changes.constraintsAdded} constraints`,
    changes.indexesAdded && `+${changes.indexesAdded} indexes`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'unchanged';
}

/** The changes of several files added up. */
export function sumChanges(reports: FileReport[]): FileChanges {
  const total = emptyChanges();
  for (const report of reports) {
    for (const key of Object.keys(total) as (keyof FileChanges)[]) total[key] += report.changes[key];
  }
  return total;
}

/** The `.cypher` files of a folder in the order they load. */
export async function listCypherFiles(directory: string): Promise<string[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.cypher')).sort();
  return names.map((name) => path.join(directory, name));
}

/** Where Neo4j's "(line 3, column 7 (offset: 52))" points, in the statement. */
function positionInStatement(message: string): { line: number; column: number } | undefined {
  const match = /line (\d+), column (\d+)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** Loads one file in one transaction; on any error the transaction is rolled back and a CypherFileError names the line. */
export async function loadCypherFile(db: GraphDatabase, file: string, displayName = path.basename(file)): Promise<FileReport> {
  const started = performance.now();
  const statements = splitCypher(await readFile(file, 'utf8'));
  const changes = emptyChanges();
  const session = db.writeSession();
  const tx = session.beginTransaction();
  let current = statements[0];
  try {
    for (const statement of statements) {
      current = statement;
      const result = await tx.run(statement.text);
      const counters = result.summary.counters.updates();
      for (const key of Object.keys(changes) as (keyof FileChanges)[]) changes[key] += counters[key] ?? 0;
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    const mapped = mapNeo4jError(error, db.uri);
    if (!(mapped instanceof DatabaseQueryError) || !(error instanceof Neo4jError) || !current) throw mapped;
    const position = positionInStatement(error.message);
    const leadingLines = current.text.length - current.text.trimStart().length;
    const line = position ? current.line + position.line - 1 : current.line + (current.text.slice(0, leadingLines).match(/\n/g)?.length ?? 0);
    throw new CypherFileError(displayName, line, position?.column, `${error.code}: ${error.message.split('\n', 1)[0]}`, { cause: error });
  } finally {
    await session.close();
  }
  return { file: displayName, statements: statements.length, changes, milliseconds: performance.now() - started };
}

export interface LoadOptions {
  /** Folder of `.cypher` files. Default: the project's `cypher/`. */
  directory?: string;
  /** Progress lines, one per file. Default: none. */
  log?: (line: string) => void;
}

/** Loads every file of the folder in order; stops at the first failing file (earlier files stay committed). */
export async function loadCypherDirectory(db: GraphDatabase, options: LoadOptions = {}): Promise<FileReport[]> {
  const directory = options.directory ?? defaultCypherDirectory;
  const files = await listCypherFiles(directory);
  if (files.length === 0) throw new Error(`No .cypher files in ${directory}.`);
  const reports: FileReport[] = [];
  for (const [index, file] of files.entries()) {
    const report = await loadCypherFile(db, file);
    reports.push(report);
    options.log?.(
      `[load] ${index + 1}/${files.length} ${report.file}: ${report.statements} statements, ${describeChanges(report.changes)} (${Math.round(report.milliseconds)} ms)`,
    );
  }
  return reports;
}

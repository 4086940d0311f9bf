/**
 * `npm run load [-- [--all] [DIR]]`: imports cypher/ (or DIR) into the configured Neo4j (the managed local one
 * by default). Files unchanged since their last load are skipped; `--all` loads every file.
 */
import { runCommand } from '../cli.js';
import { ConfigError, readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { describeChanges, loadCypherDirectory, sumChanges } from './load-cypher.js';

/** The command line: at most one folder, and the --all flag. */
export function parseLoadArguments(args: string[]): { directory: string | undefined; all: boolean } {
  const flags = args.filter((arg) => arg.startsWith('-'));
  const unknown = flags.filter((flag) => flag !== '--all');
  const folders = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length || folders.length > 1) {
    throw new ConfigError(`Usage: npm run load -- [--all] [DIR] (got ${args.map((arg) => `'${arg}'`).join(' ')}).`);
  }
  return { directory: folders[0], all: flags.includes('--all') };
}

runCommand('load', async () => {
  const { directory, all } = parseLoadArguments(process.argv.slice(2));
  const config = readConfig();
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log: (line) => console.log(line) });
  try {
    const started = performance.now();
    const reports = await loadCypherDirectory(opened.db, { directory, all, log: (line) => console.log(line) });
    const loaded = reports.filter((report) => !report.skipped);
    const total = sumChanges(loaded);
    const rows = total.nodesCreated + total.relationshipsCreated;
    const seconds = (performance.now() - started) / 1000;
    const rate = loaded.length ? ` in ${seconds.toFixed(1)} s, ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} nodes and relationships/s` : '';
    console.log(`[load] ${loaded.length} of ${reports.length} files into the ${opened.description}: ${describeChanges(total)}${rate}`);
  } finally {
    await opened.close();
  }
});

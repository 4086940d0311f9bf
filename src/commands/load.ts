/**
 * `npm run load [-- [--all] [DIR]]`: imports cypher/ (or DIR) into the configured Neo4j (the managed local one
 * by default), then checks the model and reports the values sources dispute. Files unchanged since their last load are skipped; `--all` loads every file.
 * `npm run -s load -- --cypher-shell [DIR]` prints the same load as cypher-shell input instead, and connects to nothing.
 */
import { runCommand } from '../cli.js';
import { ConfigError, readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { checkModel } from '../loader/check-model.js';
import { asDispute, describeDispute, readDisputes } from '../loader/disputes.js';
import { defaultCypherDirectory, describeChanges, describePhases, describeRowRate, listCypherFiles, loadCypherDirectory, sumChanges } from '../loader/load-cypher.js';
import { cypherShellScript } from '../loader/param-files.js';
import { describeStaleEvidence, staleEvidenceAfter } from '../loader/stale-evidence.js';
import { describeViolation } from '../loader/validate-model.js';

const usage = 'Usage: npm run load -- [--all | --cypher-shell] [DIR]';

/** The command line: at most one folder, and the --all flag. */
function parseLoadArguments(args: string[]): { directory: string | undefined; all: boolean; cypherShell: boolean; help: boolean } {
  const flags = args.filter((arg) => arg.startsWith('-'));
  const unknown = flags.filter((flag) => !['--all', '--cypher-shell', '--help', '-h'].includes(flag));
  const folders = args.filter((arg) => !arg.startsWith('-'));
  if (unknown.length || folders.length > 1) {
    throw new ConfigError(`${usage} (got ${args.map((arg) => `'${arg}'`).join(' ')}).`);
  }
  return { directory: folders[0], all: flags.includes('--all'), cypherShell: flags.includes('--cypher-shell'), help: flags.includes('--help') || flags.includes('-h') };
}

/** The folder's .cypher files, or one clear line when it is not a folder of them; checked before Neo4j is started. */
async function cypherFilesOf(folder: string): Promise<string[]> {
  const files = await listCypherFiles(folder).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`There is no folder ${folder} (${usage}).`);
    if (code === 'ENOTDIR') throw new ConfigError(`${folder} is not a folder (${usage}).`);
    throw error;
  });
  if (files.length === 0) throw new ConfigError(`${folder} has no .cypher files, in it or in its sub-folders (${usage}).`);
  return files;
}

runCommand('load', async () => {
  const { directory, all, cypherShell, help } = parseLoadArguments(process.argv.slice(2));
  if (help) {
    console.log(`${usage}
  DIR             a folder of .cypher files, searched with its sub-folders (default: the project's cypher/)
  --all           load every file, also those unchanged since their last load
  --cypher-shell  print the load as cypher-shell input instead (:param lines, then :source), and connect to nothing`);
    return;
  }
  const folder = directory ?? defaultCypherDirectory;
  const files = await cypherFilesOf(folder);
  if (cypherShell) {
    // `:source` paths are relative to the folder, so cypher-shell runs there.
    process.stdout.write(await cypherShellScript(files, folder));
    return;
  }
  const config = readConfig();
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log: (line) => console.log(line) });
  try {
    const started = performance.now();
    const reports = await loadCypherDirectory(opened.db, { directory, files, all, log: (line) => console.log(line) });
    const loaded = reports.filter((report) => !report.skipped);
    const total = sumChanges(loaded);
    const rows = total.nodesCreated + total.relationshipsCreated;
    const seconds = (performance.now() - started) / 1000;
    const rate = loaded.length
      ? ` in ${seconds.toFixed(1)} s, ${describeRowRate(rows, seconds)} (${describePhases(loaded)})`
      : '';
    // Rows are the nodes and relationships created, as in each file's line.
    console.log(`[load] loaded ${loaded.length} of ${reports.length} files into the ${opened.description}: ${describeChanges(total)}${rate}`);
    // The files are committed by now; a broken rule is reported and fails the command, so CI and a data engineer see it.
    // One read of the disputes serves the model check and the report below.
    const disputeRows = await readDisputes(opened.db);
    const { events, violations } = await checkModel(opened.db, directory, disputeRows);
    if (violations.length === 0) {
      console.log(`[load] model check: ${events} events, every one keeps the rules of docs/model.md`);
    } else {
      for (const violation of violations) console.error(`load: model check: ${describeViolation(violation)}`);
      console.error(`load: model check: ${violations.length} rule(s) broken (docs/model.md: the event rules, the values of the API's enums, a quote for every fact and thing)`);
      process.exitCode = 1;
    }
    // Sources that disagree are not an error: both values stay, and the data engineer sees each one here.
    const stale = await staleEvidenceAfter(opened.db, reports, files, folder);
    if (stale.length) {
      console.log(
        `[load] warning: ${stale.length} quote(s) in the graph that no file gives any more: a row's quote and offsets changed, and the loader appends evidence but never removes any (docs/model.md, "Merge rules"):`,
      );
      for (const evidence of stale) console.log(`[load]   ${describeStaleEvidence(evidence)}`);
    }
    const disputes = disputeRows.map(asDispute);
    if (disputes.length) {
      console.log(`[load] ${disputes.length} disputed value(s), kept beside the first source's (docs/model.md, "Merge rules"):`);
      for (const dispute of disputes) console.log(`[load]   ${describeDispute(dispute)}`);
    }
  } finally {
    await opened.close();
  }
});

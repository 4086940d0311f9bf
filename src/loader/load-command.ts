/** `npm run load`: imports cypher/ into the configured Neo4j (the managed local one by default), then checks the model. */
import { runCommand } from '../cli.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { checkModel } from './check-model.js';
import { describeChanges, loadCypherDirectory, sumChanges } from './load-cypher.js';
import { describeViolation } from './validate-model.js';

runCommand('load', async () => {
  const config = readConfig();
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log: (line) => console.log(line) });
  try {
    const reports = await loadCypherDirectory(opened.db, { directory: process.argv[2], log: (line) => console.log(line) });
    console.log(`[load] ${reports.length} files into the ${opened.description}: ${describeChanges(sumChanges(reports))}`);
    // The files are committed by now; a broken rule is reported and fails the command, so CI and a data engineer see it.
    const { events, violations } = await checkModel(opened.db, process.argv[2]);
    if (violations.length === 0) {
      console.log(`[load] model check: ${events} events, every one keeps the rules of docs/model.md`);
    } else {
      for (const violation of violations) console.error(`load: model check: ${describeViolation(violation)}`);
      console.error(`load: model check: ${violations.length} rule(s) broken in ${events} events (docs/model.md, "Who goes where")`);
      process.exitCode = 1;
    }
  } finally {
    await opened.close();
  }
});

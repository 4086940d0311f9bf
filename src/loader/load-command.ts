/** `npm run load`: imports cypher/ into the configured Neo4j (the managed local one by default). */
import { runCommand } from '../cli.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { describeChanges, loadCypherDirectory, sumChanges } from './load-cypher.js';

runCommand('load', async () => {
  const config = readConfig();
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log: (line) => console.log(line) });
  try {
    const reports = await loadCypherDirectory(opened.db, { directory: process.argv[2], log: (line) => console.log(line) });
    console.log(`[load] ${reports.length} files into the ${opened.description}: ${describeChanges(sumChanges(reports))}`);
  } finally {
    await opened.close();
  }
});

/**
 * `npm run screenshot`: the README's picture of the explorer, docs/explorer.png. With CSTO_URL set it photographs
 * that running server; otherwise it brings up Neo4j (managed or NEO4J_URI), loads the graph and serves it on a free port.
 */
import { onShutdownSignal, runCommand } from '../cli.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { launchChromium, screenshotExplorer } from '../explorer/chromium.js';
import { loadCypherDirectory } from '../loader/load-cypher.js';
import { listen } from '../server.js';
import { createCstoYoga } from '../yoga.js';

/** Where the picture goes; the first argument overrides it. */
const file = process.argv[2] ?? 'docs/explorer.png';

runCommand('screenshot', async () => {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  onShutdownSignal(cleanup);
  try {
    let baseUrl = process.env.CSTO_URL;
    if (!baseUrl) {
      const config = readConfig();
      const opened = await openDatabase(config.neo4j, { debugCypher: false, log: (line) => console.log(line) });
      cleanups.push(() => opened.close());
      if (config.loadOnStart) await loadCypherDirectory(opened.db, { log: (line) => console.log(line) });
      const server = await listen(createCstoYoga({ db: opened.db }), 0, '127.0.0.1');
      cleanups.push(() => server.close());
      baseUrl = server.url;
    }
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    await screenshotExplorer(await browser.newPage(), baseUrl, file);
    console.log(`Wrote ${file} from ${baseUrl}/explore.`);
  } finally {
    await cleanup();
  }
});

/** `npm start`: brings up Neo4j (managed or external), loads the article graph and serves GraphQL. */
import { onShutdownSignal, runCommand } from './cli.js';
import { readConfig } from './config.js';
import { openDatabase } from './database/connect.js';
import { loadCypherDirectory } from './loader/load-cypher.js';
import { listen, type RunningServer } from './server.js';

const log = (line: string) => console.log(line);

runCommand('csto-graph', async () => {
  const started = performance.now();
  // The schema's modules take seconds to load: they load while Neo4j starts, which needs Java, not this thread.
  const yogaModule = import('./yoga.js');
  yogaModule.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
  const config = readConfig();
  log(
    config.neo4j.kind === 'external'
      ? `Connecting to Neo4j at ${config.neo4j.uri}…`
      : 'NEO4J_URI is not set: starting the managed local Neo4j…',
  );
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log });
  let server: RunningServer | undefined;
  onShutdownSignal(async () => {
    await server?.close();
    await opened.close();
  });
  const connected = performance.now();
  log(`Connected to the ${opened.description}.`);
  if (config.loadOnStart) {
    log('Loading the article graph from cypher/…');
    await loadCypherDirectory(opened.db, { log });
  }
  const loaded = performance.now();
  const { createCstoYoga } = await yogaModule;
  const yoga = createCstoYoga({ db: opened.db });
  server = await listen(yoga, config.port, config.host);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  const now = performance.now();
  log(`Ready in ${seconds(started, now)} s (Neo4j ${seconds(started, connected)} s, loading ${seconds(connected, loaded)} s, API ${seconds(loaded, now)} s).`);
  log(`GraphQL and GraphiQL: ${server.url}/graphql   health: ${server.url}/health   readiness: ${server.url}/ready`);
});

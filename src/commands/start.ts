/** `npm start`: brings up Neo4j (managed or external), loads the article graph and serves GraphQL. */
import { warmUp } from '../api/warm-up.js';
import { onShutdownSignal, runCommand } from '../cli.js';
import { readConfig } from '../config.js';
import { openDatabase } from '../database/connect.js';
import { loadCypherDirectory } from '../loader/load-cypher.js';
import { Neo4jStartError } from '../neo4j/neo4j-errors.js';
import { checkPortFree, listen, type RunningServer } from '../server.js';

const log = (line: string) => console.log(line);

runCommand('csto-graph', async () => {
  const started = performance.now();
  // The schema's modules take seconds to load: they load while Neo4j starts, which needs Java, not this thread.
  const yogaModule = import('../yoga.js');
  yogaModule.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
  const config = readConfig();
  // A busy PORT is found in a second, not after Neo4j has started and the graph has loaded.
  await checkPortFree(config.port, config.host);
  log(
    config.neo4j.kind === 'external'
      ? `Connecting to Neo4j at ${config.neo4j.uri}…`
      : 'NEO4J_URI is not set: starting the managed local Neo4j…',
  );
  const opened = await openDatabase(config.neo4j, { debugCypher: config.debugCypher, log });
  let server: RunningServer | undefined;
  const stopping = new AbortController();
  onShutdownSignal(async () => {
    stopping.abort();
    await server?.close();
    await opened.close();
  });
  const connected = performance.now();
  log(`Connected to the ${opened.description}.`);
  // Until the API serves, a death of the managed Neo4j ends the start at once instead of failing later on a timeout.
  const died = opened.managed?.exited.then((exit) => {
    if (!exit.expected) throw new Neo4jStartError(`Neo4j exited during start-up (${exit.how}).`);
    return new Promise<never>(() => {});
  });
  const unlessNeo4jDies = <T>(step: Promise<T>) => (died ? Promise.race([step, died]) : step);
  if (config.loadOnStart) {
    log('Loading the article graph from cypher/…');
    await unlessNeo4jDies(loadCypherDirectory(opened.db, { log }));
  }
  const loaded = performance.now();
  const { createCstoYoga } = await yogaModule;
  const yoga = createCstoYoga({ db: opened.db });
  server = await unlessNeo4jDies(listen(yoga, config.port, config.host));
  opened.supervise({
    log,
    onGiveUp: (message) => {
      console.error(`csto-graph: ${message}`);
      void server?.close().finally(() => process.exit(1));
    },
  });
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  const now = performance.now();
  log(`Ready in ${seconds(started, now)} s (getting Neo4j ${seconds(started, connected)} s, loading ${seconds(connected, loaded)} s, API ${seconds(loaded, now)} s).`);
  log(`GraphQL and GraphiQL: ${server.url}/graphql   explorer: ${server.url}/explore   health: ${server.url}/health   readiness: ${server.url}/ready`);
  if (config.warmUp) {
    // After Ready, not before it: a query that comes meanwhile is answered at once, beside the warm-up.
    warmUp(yoga, stopping.signal).then(
      ({ ran, failed, seconds }) => {
        if (stopping.signal.aborted) return;
        log(`Warmed up: ran GraphiQL's example queries and the explorer's once (${ran} in ${seconds.toFixed(1)} s${failed ? `; ${failed} failed, see the request log` : ''}), so that Neo4j has planned them.`);
      },
      (error: unknown) => {
        if (!stopping.signal.aborted) console.error('csto-graph: the warm-up failed:', error);
      },
    );
  }
});

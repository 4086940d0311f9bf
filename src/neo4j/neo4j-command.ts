/** `npm run neo4j`: runs the managed local Neo4j in the foreground until Ctrl-C or SIGTERM. */
import { onShutdownSignal, runCommand } from '../cli.js';
import { startManagedNeo4j } from './managed-neo4j.js';

runCommand('neo4j', async () => {
  const neo4j = await startManagedNeo4j();
  onShutdownSignal(() => neo4j.stop());
  console.log(`Neo4j is running (Java pid ${neo4j.pid}). Connect other commands with:`);
  console.log(`  NEO4J_URI=${neo4j.uri}`);
  console.log(`  NEO4J_USERNAME=${neo4j.username}`);
  console.log(`  NEO4J_PASSWORD=${neo4j.password}`);
  console.log('Press Ctrl-C to stop.');
});

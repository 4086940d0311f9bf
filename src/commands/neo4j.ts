/** `npm run neo4j`: runs the managed local Neo4j in the foreground until Ctrl-C or SIGTERM; exits 1 if it dies. */
import { onShutdownSignal, runCommand } from '../cli.js';
import { startManagedNeo4j } from '../neo4j/managed-neo4j.js';

runCommand('neo4j', async () => {
  const neo4j = await startManagedNeo4j();
  onShutdownSignal(() => neo4j.stop());
  // A supervisor watching this command must see a dead database as a failure, not a clean exit.
  void neo4j.exited.then((exit) => {
    if (exit.expected) return;
    console.error(`neo4j: Neo4j (pid ${neo4j.pid}) exited unexpectedly (${exit.how}).`);
    process.exit(1);
  });
  console.log(`Neo4j is running (Java pid ${neo4j.pid}). Connect other commands with:`);
  console.log(`  NEO4J_URI=${neo4j.uri}`);
  console.log(`  NEO4J_USERNAME=${neo4j.username}`);
  console.log(`  NEO4J_PASSWORD=${neo4j.password}`);
  console.log('Press Ctrl-C to stop.');
});

/** Runs a command: known failures print one clear line (no stack trace) and exit 1. */
import { ConfigError } from './config.js';
import { ConnectionFailedError } from './database/connect.js';
import { CypherFileError } from './loader/load-cypher.js';
import { Neo4jPrerequisiteError } from './neo4j/managed-neo4j.js';

const knownFailures = [ConfigError, ConnectionFailedError, CypherFileError, Neo4jPrerequisiteError];

export function runCommand(name: string, command: () => Promise<void>): void {
  command().catch((error: unknown) => {
    if (knownFailures.some((type) => error instanceof type)) {
      console.error(`${name}: ${(error as Error).message}`);
    } else {
      console.error(`${name}: unexpected failure`, error);
    }
    process.exit(1);
  });
}

/** Runs `cleanup` once on SIGINT or SIGTERM, then exits with the conventional code. */
export function onShutdownSignal(cleanup: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`Received ${signal}, shutting down…`);
    cleanup()
      .catch((error: unknown) => console.error('Shutdown failed:', error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handle);
  process.once('SIGTERM', handle);
}

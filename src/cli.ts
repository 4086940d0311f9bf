/** Runs a command: known failures print one clear line (no stack trace) and exit 1. */
import { ConfigError } from './config.js';
import { ConnectionFailedError } from './database/connect.js';
import { CypherFileError } from './loader/cypher-file-error.js';
import { Neo4jPrerequisiteError, Neo4jStartError } from './neo4j/neo4j-errors.js';
import { PortInUseError } from './server.js';

const knownFailures = [ConfigError, ConnectionFailedError, CypherFileError, Neo4jPrerequisiteError, Neo4jStartError, PortInUseError];

export function runCommand(name: string, command: () => Promise<void>): void {
  // A reader that went away (`npm run load | head`) ends the command quietly, as SIGPIPE ends a Unix tool
  // (exit status 128 + 13); a load stopped so mid-file leaves that file rolled back, as any interrupted load does.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
  command().catch((error: unknown) => {
    if (knownFailures.some((type) => error instanceof type)) {
      console.error(`${name}: ${(error as Error).message}`);
    } else {
      console.error(`${name}: unexpected failure`, error);
    }
    process.exit(1);
  });
}

/**
 * Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, or when the parent process dies, then exits with the
 * conventional code. The parent check matters under `npm start`: npm exits on SIGTERM without passing it on.
 */
export function onShutdownSignal(cleanup: () => Promise<void>): void {
  let stopping = false;
  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(orphanCheck);
    console.error(`${reason}, shutting down…`);
    // A first stop of the managed Neo4j writes its class-data archive for many seconds: the last line says it is over.
    cleanup()
      .then(() => console.error('Stopped.'))
      .catch((error: unknown) => console.error('Shutdown failed:', error))
      .finally(() => process.exit(exitCode));
  };
  const parent = process.ppid;
  const orphanCheck = setInterval(() => {
    if (process.ppid !== parent) stop('The parent process exited', 143);
  }, 500);
  orphanCheck.unref();
  // `on`, not `once`: under `npm start` a Ctrl-C reaches Node twice (from the terminal, and forwarded by npm), and a
  // second signal with no listener of ours would end Node before the stop it started has finished.
  process.on('SIGINT', () => stop('Received SIGINT', 130));
  process.on('SIGTERM', () => stop('Received SIGTERM', 143));
  process.on('SIGHUP', () => stop('Received SIGHUP', 129));
}

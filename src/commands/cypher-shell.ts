/**
 * `npm run cypher-shell -- [cypher-shell options]`: Neo4j's cypher-shell 5.26, from Maven, connected as every command
 * is (NEO4J_URI, unless `-a` is given; NEO4J_USERNAME, default neo4j; NEO4J_PASSWORD; NEO4J_DATABASE, default neo4j).
 * Without NEO4J_URI, that is the managed Neo4j (`npm start`'s): its Bolt port and the password its data folder keeps.
 */
import { spawn } from 'node:child_process';
import { runCommand } from '../cli.js';
import { readNeo4jConnection } from '../config.js';
import { cypherShellMainClass, resolveCypherShellClasspath } from '../neo4j/cypher-shell.js';
import { managedNeo4jAddress } from '../neo4j/managed-neo4j.js';
import { Neo4jPrerequisiteError } from '../neo4j/neo4j-errors.js';

/** cypher-shell's options that name the address. */
const addressOptions = ['-a', '--address', '--uri'];

runCommand('cypher-shell', async () => {
  const args = process.argv.slice(2);
  const connection = readNeo4jConnection();
  // Progress goes to stderr: stdout is cypher-shell's answers, which a script may read.
  const classpath = await resolveCypherShellClasspath((line) => console.error(`[cypher-shell] ${line}`));
  const given = args.some((arg) => addressOptions.includes(arg.split('=')[0]!));
  // cypher-shell's own default, localhost:7687 without a password, may be another Neo4j than the managed one.
  const managed = connection.kind === 'local' && !given ? managedNeo4jAddress() : undefined;
  if (managed) {
    const noPassword = managed.password ? '' : '; its data folder keeps no password, so set NEO4J_PASSWORD to the one it was started with';
    console.error(`[cypher-shell] the managed Neo4j at ${managed.uri} (data: ${managed.dataDir}${noPassword}; set NEO4J_URI and NEO4J_PASSWORD for another)`);
  }
  const address = given ? [] : ['-a', connection.kind === 'external' ? connection.uri : managed!.uri];
  const password = connection.password ?? managed?.password;
  // cypher-shell reads these itself; its own default user is none, not neo4j.
  const env = { ...process.env, NEO4J_USERNAME: connection.username, NEO4J_DATABASE: connection.database, ...(password ? { NEO4J_PASSWORD: password } : {}) };
  // Ctrl-C is cypher-shell's (it cancels a query, and keeps the prompt): this process waits for it to exit.
  process.on('SIGINT', () => undefined);
  // In the folder it was called from (npm runs scripts in the project's): `:source` paths are relative to it.
  const shell = spawn('java', ['-cp', classpath, cypherShellMainClass, ...address, ...args], { stdio: 'inherit', env, cwd: process.env.INIT_CWD || process.cwd() });
  process.exitCode = await new Promise<number>((resolve, reject) => {
    shell.on('error', (error) => reject(new Neo4jPrerequisiteError(`cannot run java for cypher-shell (${error.message}); install Java 17 or later`)));
    shell.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
});

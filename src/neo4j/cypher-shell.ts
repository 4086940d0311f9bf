/**
 * Neo4j's own cypher-shell, of the managed Neo4j's release, for machines without it on the PATH: its jars resolved
 * from Maven by `src/neo4j/cypher-shell/pom.xml` (fetched once, then cached like the launcher's classpath).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveMavenClasspath } from './maven-classpath.js';

const pom = fileURLToPath(new URL('./cypher-shell/pom.xml', import.meta.url));

/** The jar's manifest names no main class; cypher-shell's own pom does (name-of-main-class). */
export const cypherShellMainClass = 'org.neo4j.shell.Main';

/** cypher-shell's classpath, resolved by Maven at the first call and cached while its jars exist. */
export function resolveCypherShellClasspath(log: (line: string) => void): Promise<string> {
  return resolveMavenClasspath({
    pom,
    cacheName: `cypher-shell-classpath-${createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 16)}.txt`,
    what: 'cypher-shell',
    log,
  });
}

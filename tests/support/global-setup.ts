/**
 * Picks the real Neo4j the integration tier runs against, in this order: NEO4J_URI; Testcontainers when a
 * container runtime answers and can start the image NEO4J_IMAGE (default the official neo4j:5.26-community);
 * else the managed local Neo4j. NEO4J_PROVIDER=external|testcontainers|local forces one. The article graph is
 * loaded once. Where no registry is reachable, `npm run test:docker` runs this tier on csto-graph/neo4j-local:5.26
 * with TESTCONTAINERS_RYUK_DISABLED=true (Ryuk's image cannot be pulled), so teardown removes the container itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { GraphDatabase } from '../../src/database/graph-database.js';
import { loadCypherDirectory } from '../../src/loader/load-cypher.js';
import { startManagedNeo4j } from '../../src/neo4j/managed-neo4j.js';
import type { TestNeo4j } from './test-neo4j.js';

type Provider = TestNeo4j['provider'];
type Started = { neo4j: TestNeo4j; stop: () => Promise<void> };

/** The Neo4j image Testcontainers starts. Default the official `neo4j:5.26-community` (env NEO4J_IMAGE). */
const testcontainersImage = process.env.NEO4J_IMAGE || 'neo4j:5.26-community';

async function startExternal(): Promise<Started> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_PROVIDER=external needs NEO4J_URI (and NEO4J_PASSWORD).');
  return {
    neo4j: {
      provider: 'external',
      uri,
      username: process.env.NEO4J_USERNAME || 'neo4j',
      password: process.env.NEO4J_PASSWORD || '',
      database: process.env.NEO4J_DATABASE || 'neo4j',
    },
    stop: async () => {},
  };
}

async function startTestcontainers(): Promise<Started> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const client = await getContainerRuntimeClient();
  // The module's wait strategy is the log line "Started.", which the local image prints too. Its 120 s default is
  // too short for a Neo4j start on a busy 2-core machine.
  const container = await new Neo4jContainer(testcontainersImage).withPassword('csto-graph-test').withStartupTimeout(300_000).start();
  console.log(`[integration] Testcontainers started ${testcontainersImage} as container ${container.getId().slice(0, 12)}`);
  return {
    neo4j: { provider: 'testcontainers', uri: container.getBoltUri(), username: container.getUsername(), password: container.getPassword(), database: 'neo4j' },
    stop: async () => {
      // Without Ryuk nothing else cleans up, so the container and its anonymous /data volume go here, and are checked gone.
      await container.stop({ remove: true, removeVolumes: true });
      const left = await client.container.inspect(client.container.getById(container.getId())).then(
        () => true,
        () => false,
      );
      if (left) throw new Error(`Testcontainers left container ${container.getId()} behind.`);
      console.log(`[integration] container ${container.getId().slice(0, 12)} stopped and removed`);
    },
  };
}

async function startLocal(): Promise<Started> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'csto-graph-test-neo4j-'));
  const managed = await startManagedNeo4j({
    dataDir,
    boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT || 0),
    password: 'csto-graph-test',
    log: (line) => console.log(`[neo4j] ${line}`),
  }).catch(async (error: unknown) => {
    // A start that fails leaves no Neo4j to stop, but its data folder would stay behind.
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    neo4j: { provider: 'local', uri: managed.uri, username: managed.username, password: managed.password, database: 'neo4j' },
    stop: async () => {
      await managed.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function start(): Promise<Started> {
  const forced = process.env.NEO4J_PROVIDER as Provider | undefined;
  if (forced === 'external' || (!forced && process.env.NEO4J_URI)) return startExternal();
  if (forced === 'testcontainers') return startTestcontainers();
  if (forced === 'local') return startLocal();
  if (forced) throw new Error(`NEO4J_PROVIDER must be external, testcontainers or local; got '${forced}'.`);
  try {
    return await startTestcontainers();
  } catch (error) {
    console.log(`[integration] Testcontainers unavailable (${(error as Error).message.split('\n', 1)[0]}); using the managed local Neo4j.`);
    return startLocal();
  }
}

export default async function setup(project: TestProject) {
  const started = await start();
  console.log(`[integration] Neo4j provider: ${started.neo4j.provider} (${started.neo4j.uri})`);
  const db = new GraphDatabase(started.neo4j);
  try {
    await loadCypherDirectory(db, { log: (line) => console.log(line) });
  } catch (error) {
    // Vitest calls no teardown when the setup throws: stop Neo4j here, or a container would outlive the run.
    await started.stop();
    throw error;
  } finally {
    await db.close();
  }
  project.provide('neo4j', started.neo4j);
  return started.stop;
}

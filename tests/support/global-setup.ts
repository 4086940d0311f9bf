/**
 * Picks the real Neo4j the integration tier runs against, in this order: NEO4J_URI; Testcontainers when a
 * container runtime answers and can start the official image; else the managed local Neo4j.
 * NEO4J_PROVIDER=external|testcontainers|local forces one. The article graph is loaded once.
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

const testcontainersImage = 'neo4j:5.26-community';

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
  await getContainerRuntimeClient();
  const container = await new Neo4jContainer(testcontainersImage).withPassword('csto-graph-test').start();
  return {
    neo4j: { provider: 'testcontainers', uri: container.getBoltUri(), username: container.getUsername(), password: container.getPassword(), database: 'neo4j' },
    stop: async () => {
      await container.stop();
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
  } finally {
    await db.close();
  }
  project.provide('neo4j', started.neo4j);
  return started.stop;
}

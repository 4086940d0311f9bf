/** Where a client finds the managed Neo4j that `npm start` runs: cypher-shell without NEO4J_URI connects there. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { managedNeo4jAddress } from '../src/neo4j/managed-neo4j.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'csto-graph-address-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('is the Bolt port on loopback and the password the data folder keeps, or NEO4J_PASSWORD when given', () => {
  writeFileSync(path.join(dataDir, 'password'), 'saved-secret\n');
  expect(managedNeo4jAddress({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '7791' })).toEqual({ uri: 'bolt://127.0.0.1:7791', password: 'saved-secret', dataDir });
  expect(managedNeo4jAddress({ NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: 'given' })).toEqual({ uri: 'bolt://127.0.0.1:7687', password: 'given', dataDir });
  const neverStarted = path.join(dataDir, 'never-started');
  expect(managedNeo4jAddress({ NEO4J_DATA_DIR: neverStarted })).toEqual({ uri: 'bolt://127.0.0.1:7687', password: undefined, dataDir: neverStarted });
});

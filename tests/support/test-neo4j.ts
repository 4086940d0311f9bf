/** The Neo4j the integration tier uses, handed from the global setup to every test file. */
import { inject } from 'vitest';
import { GraphDatabase } from '../../src/database/graph-database.js';

export interface TestNeo4j {
  provider: 'external' | 'testcontainers' | 'local';
  uri: string;
  username: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A GraphDatabase on the test Neo4j; close it in afterAll. */
export function openTestDatabase(): GraphDatabase {
  return new GraphDatabase(testNeo4j());
}

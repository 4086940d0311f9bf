/** The API in-process on a free loopback port, against the test Neo4j, for tests that need a real HTTP server. */
import { openTestDatabase } from './test-neo4j.js';
import { listen } from '../../src/server.js';
import { createCstoYoga } from '../../src/yoga.js';

export async function startApiServer() {
  const db = openTestDatabase();
  const server = await listen(createCstoYoga({ db }), 0, '127.0.0.1');
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}

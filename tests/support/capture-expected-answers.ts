/** Rewrites tests/fixtures/expected-answers.json from the API as it answers now, over the Neo4j at NEO4J_URI. */
import { writeFileSync } from 'node:fs';
import { GraphDatabase } from '../../src/database/graph-database.js';
import { createCstoYoga } from '../../src/yoga.js';
import { execute } from './graphql-client.js';
import { expectedAnswersFile, savedOperations } from './expected-answers.js';

const db = new GraphDatabase({
  uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  username: process.env.NEO4J_USERNAME ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
});
const yoga = createCstoYoga({ db });
const answers: Record<string, unknown> = {};
for (const operation of savedOperations) answers[operation.name] = await execute(yoga, operation.query, operation.variables);
await db.close();
writeFileSync(expectedAnswersFile, `${JSON.stringify(answers, null, 2)}\n`);
console.log(`Saved ${savedOperations.length} answers.`);

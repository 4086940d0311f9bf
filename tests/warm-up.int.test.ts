/** The start's warm-up: every operation of GraphiQL's tabs and the explorer's, through the whole API, once. */
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { warmUp, warmUpOperations } from '../src/api/warm-up.js';
import { exampleOperations } from '../src/example-operations.js';
import { createCstoYoga } from '../src/yoga.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const yoga = createCstoYoga({ db, logger: pino({ level: 'silent' }) });
afterAll(() => db.close());

describe('warmUp', () => {
  it("runs GraphiQL's example operations and the explorer's neighbourhood, all answering without errors", async () => {
    expect(warmUpOperations.map((operation) => operation.title)).toEqual([...exampleOperations.map((operation) => operation.title), "The explorer's neighbourhood"]);
    const report = await warmUp(yoga, new AbortController().signal);
    expect({ ran: report.ran, failed: report.failed }).toEqual({ ran: 11, failed: 0 });
  });

  it('counts an operation that answers with errors, and goes on to the next', async () => {
    const operations = [
      { title: 'unknown field', query: '{ noSuchField }' },
      { title: 'typename', query: '{ __typename }' },
    ];
    const report = await warmUp(yoga, new AbortController().signal, operations);
    expect({ ran: report.ran, failed: report.failed }).toEqual({ ran: 2, failed: 1 });
  });

  it('runs nothing once the start is stopping', async () => {
    const stopping = new AbortController();
    stopping.abort();
    expect((await warmUp(yoga, stopping.signal)).ran).toBe(0);
  });
});

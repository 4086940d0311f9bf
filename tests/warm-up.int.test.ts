/** The start's warm-up: every operation of GraphiQL's tabs and the explorer's, through the whole API, once. */
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { warmUp, warmUpOperations } from '../src/api/warm-up.js';
import { exampleOperations } from '../src/example-operations.js';
import { createCstoYoga } from '../src/yoga.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const logged: { requestId: string; operationName?: string; outcome: string }[] = [];
const yoga = createCstoYoga({ db, logger: pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) }) });
afterAll(() => db.close());

describe('warmUp', () => {
  it("runs GraphiQL's example operations and the explorer's neighbourhood, all answering without errors", async () => {
    expect(warmUpOperations.map((operation) => operation.title)).toEqual([...exampleOperations.map((operation) => operation.title), "The explorer's neighbourhood"]);
    logged.length = 0;
    const report = await warmUp(yoga, new AbortController().signal);
    expect({ ran: report.ran, failed: report.failed }).toEqual({ ran: 11, failed: 0 });
    // The request log names each line as the warm-up's, so that nobody takes them for a client's.
    expect(logged.map((line) => `${line.requestId} ${line.operationName} ${line.outcome}`)).toEqual([
      'warm-up-1 HelpRequests OK',
      'warm-up-2 MembersAt OK',
      'warm-up-3 MembershipHistory OK',
      'warm-up-4 Search OK',
      'warm-up-5 Timeline OK',
      'warm-up-6 Speaker OK',
      'warm-up-7 Claims OK',
      'warm-up-8 Paths OK',
      'warm-up-9 Neighbourhood OK',
      'warm-up-10 Facts OK',
      'warm-up-11 Neighbourhood OK',
    ]);
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

/**
 * The planner against the real graph: the same answers as the level-by-level API it replaced, one Cypher query
 * per root field, response keys in selection order, and a cost budget that takes ordinary questions.
 */
import { readFileSync } from 'node:fs';
import { getOperationAST, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createCstoYoga } from '../src/yoga.js';
import { analystQuestions } from './support/analyst-questions.js';
import { expectedAnswersFile, savedOperations } from './support/expected-answers.js';
import { execute } from './support/graphql-client.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const yoga = createCstoYoga({ db });
afterAll(() => db.close());

const expected = JSON.parse(readFileSync(expectedAnswersFile, 'utf8')) as Record<string, { data: unknown }>;

/** Lucene scores move with the index's history (other tests reload the graph); the ranking is what must hold. */
const withoutScores = (data: unknown) => JSON.parse(JSON.stringify(data), (key, value) => (key === 'score' ? typeof value : value));

/** Runs an operation and counts the Cypher queries it sent. */
async function counted(query: string, variables?: Record<string, unknown>) {
  const queries: string[] = [];
  const stop = db.onQuery((cypher) => queries.push(cypher));
  try {
    return { result: await execute(yoga, query, variables), queries };
  } finally {
    stop();
  }
}

/** The number of root fields an operation selects (aliases count once each). */
const rootFields = (query: string) => getOperationAST(parse(query))!.selectionSet.selections.length;

describe('every GraphiQL tab and benchmark operation', () => {
  it.each(savedOperations.map((operation) => [operation.name, operation] as const))('%s: same answer as before, one query per root field', async (_name, operation) => {
    const { result, queries } = await counted(operation.query, operation.variables);
    expect(result.errors).toBeUndefined();
    expect(withoutScores(result.data)).toEqual(withoutScores(expected[operation.name]!.data));
    expect(queries).toHaveLength(rootFields(operation.query));
  });
});

describe('response keys', () => {
  it('follow the selection order, for aliases over async root fields and inside objects', async () => {
    const { result } = await counted(`{
      d: thing(id: "uzbekistan") { name slug ... on State { memberships { endDate startDate } } }
      a: thing(id: "kyrgyzstan") { slug name }
      c: search(query: "tokaev", first: 1) { thing { name } score }
      b: helpRequests(requester: "armenia") { startDate requester { name } }
    }`);
    expect(Object.keys(result.data)).toEqual(['d', 'a', 'c', 'b']);
    expect(Object.keys(result.data.d)).toEqual(['name', 'slug', 'memberships']);
    expect(Object.keys(result.data.d.memberships[0])).toEqual(['endDate', 'startDate']);
    expect(Object.keys(result.data.a)).toEqual(['slug', 'name']);
    expect(Object.keys(result.data.c[0])).toEqual(['thing', 'score']);
    expect(Object.keys(result.data.b[0])).toEqual(['startDate', 'requester']);
  });
});

describe('the cost budget', () => {
  // The estimated rows of each calibration question under the default limits: a change to the cost model shows here.
  // A relationship's evidence is a list (one quote expected per relationship), so questions that read it count it.
  const expectedRows = [160, 140, 1300, 300, 20, 350, 140, 580, 400, 110, 350, 111, 160, 180, 21, 301, 140, 380, 200, 700, 140, 1220];

  it('accepts every ordinary analyst question, and reports its cost', async () => {
    expect(analystQuestions).toHaveLength(expectedRows.length);
    for (const [index, { question, query }] of analystQuestions.entries()) {
      const { result, queries } = await counted(query);
      expect(result.errors, question).toBeUndefined();
      expect(result.extensions?.cost, question).toEqual({ estimatedRows: expectedRows[index], budget: 25_000 });
      expect(queries, question).toHaveLength(rootFields(query));
    }
  });

  it('refuses a query that would read too many rows before touching the database, naming the lists to narrow', async () => {
    const { result, queries } = await counted(`{ states(first: 100) { edges { node { timeline(first: 100) { participants { entity { name } } actors { timeline(first: 100) { name } } } } } } }`);
    expect(queries).toEqual([]);
    expect(result.errors).toEqual([
      {
        message:
          'This query would read about 2080100 rows, over the budget of 25000. Narrow these lists (a smaller `first`, or less below them): ' +
          'states (100 per parent); states.edges.node.timeline (100 per parent); states.edges.node.timeline.actors.timeline (100 per parent).',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(result.extensions?.cost).toEqual({ estimatedRows: 2_080_100, budget: 25_000 });
  });
});

describe('relay nodes and cursors', () => {
  it('answers null for a global id that names nothing, and keeps the order of nodes(ids:)', async () => {
    const { result, queries } = await counted(`{
      missing: node(id: "State:nosuch") { id }
      empty: node(id: "State:") { id }
      wrongKind: node(id: "Event:kyrgyzstan") { id }
      unknownKind: node(id: "Foo:x") { id }
      entity: node(id: "Entity:kyrgyzstan") { id }
      nodes(ids: ["State:nosuch", "State:kyrgyzstan", "Event:help-request-armenia-2022"]) { id ... on Event { eventType } }
    }`);
    expect(result).toEqual({
      data: {
        missing: null,
        empty: null,
        wrongKind: null,
        unknownKind: null,
        entity: null,
        nodes: [null, { id: 'State:kyrgyzstan' }, { id: 'Event:help-request-armenia-2022', eventType: 'HELP_REQUEST' }],
      },
      extensions: { cost: { estimatedRows: 8, budget: 25_000 } },
    });
    // One query per root field, even for an id of a kind that does not exist.
    expect(queries).toHaveLength(6);
  });

  it('refuses a malformed global id and cursors it never gave out, with BAD_USER_INPUT', async () => {
    const codes = async (query: string) => (await execute(yoga, query)).errors?.map((error) => [error.extensions?.code, error.message]);
    expect(await codes(`{ node(id: "kyrgyzstan") { id } }`)).toEqual([['BAD_USER_INPUT', `Invalid global id 'kyrgyzstan': expected "<Kind>:<slug>", e.g. "State:kyrgyzstan".`]]);
    const cursor = (text: string) => Buffer.from(text).toString('base64');
    for (const bad of ['OffsetConnection:abc', 'OffsetConnection:people:9007199254740993', 'OffsetConnection:people:1.5', 'OffsetConnection:people:-1', 'OffsetConnection:2', 'nonsense']) {
      expect(await codes(`{ people(before: "${cursor(bad)}") { totalCount } }`), bad).toEqual([['BAD_USER_INPUT', 'before is not a cursor of this list; pass a cursor from its pageInfo or edges.']]);
    }
    const page = await execute(yoga, `{ people(first: 2) { edges { cursor node { slug } } } }`);
    const after = page.data.people.edges[1].cursor;
    // An offset means nothing in another list: a cursor names its own.
    expect(Buffer.from(after, 'base64').toString()).toBe('OffsetConnection:people:1');
    const foreign = await execute(yoga, `query($after: String) { states(first: 1, after: $after) { totalCount } }`, { after });
    expect(foreign.errors?.map((error) => [error.extensions?.code, error.extensions?.argument, error.message])).toEqual([
      ['BAD_USER_INPUT', 'after', "after is a cursor of people, not of states; pass a cursor from this list's pageInfo or edges."],
    ]);
    const next = await execute(yoga, `query($after: String) { people(first: 1, after: $after) { edges { node { slug } } pageInfo { hasPreviousPage } } }`, { after });
    expect(next.data.people).toEqual({ edges: [{ node: { slug: 'anatoly-nesmiyan' } }], pageInfo: { hasPreviousPage: true } });
  });

  it('takes last with before or first, and says how to get a list\'s last items when last comes alone', async () => {
    const page = await execute(yoga, `{ people(first: 3) { edges { cursor node { slug } } } }`);
    const before = page.data.people.edges[2].cursor;
    const back = await execute(yoga, `query($before: String) { people(last: 1, before: $before) { edges { node { slug } } } }`, { before });
    expect(back.data.people.edges).toEqual([page.data.people.edges[1]].map(({ node }: { node: unknown }) => ({ node })));
    const alone = await execute(yoga, `{ people(last: 5) { totalCount } }`);
    expect(alone.errors?.map((error) => [error.extensions?.code, error.extensions?.argument, error.message])).toEqual([
      [
        'BAD_USER_INPUT',
        'last',
        'last counts back from before: pass before (a cursor) or first with it. For the last items of a list, sort it the other way (orderBy) and ask for first.',
      ],
    ]);
  });
});

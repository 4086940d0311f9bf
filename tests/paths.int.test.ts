/** Paths beyond the shortest: every simple path up to the hop limit, ordered, filtered by kind and relationship, paged. */
import { afterAll, describe, expect, it } from 'vitest';
import { createCstoYoga } from '../src/yoga.js';
import { execute, query } from './support/graphql-client.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const yoga = createCstoYoga({ db });
afterAll(() => db.close());

/** Each path as the slugs between its two ends. */
const inner = (paths: { nodes: { slug: string }[] }[]) => paths.map((path) => path.nodes.slice(1, -1).map((node) => node.slug).join(' '));

const kyrgyzstanToCsto = [
  '',
  'csto-treaty-signing-1992',
  'exercise-indestructible-brotherhood-2022',
  'help-request-kyrgyzstan-1999',
  'help-request-kyrgyzstan-2010',
  'help-request-kyrgyzstan-2021',
  'help-response-csto-kyrgyzstan-1999',
  'help-response-csto-kyrgyzstan-2010',
  'help-response-csto-kyrgyzstan-2021',
  'kyrgyzstan-cancels-exercise-2022-10',
  'statement-kyrgyz-politicians-question',
];

describe('paths', () => {
  it('gives only the shortest paths by default, and every simple path with all: true, shortest first', async () => {
    const data = await query(
      yoga,
      `{ shortest: paths(from: "kyrgyzstan", to: "csto", maxHops: 2) { length nodes { slug } }
         all: paths(from: "kyrgyzstan", to: "csto", maxHops: 2, all: true, first: 50) { length nodes { slug } } }`,
    );
    expect(inner(data.shortest)).toEqual(['']);
    expect(inner(data.all)).toEqual(kyrgyzstanToCsto);
    expect(data.all.map((path: { length: number }) => path.length)).toEqual([1, ...Array(10).fill(2)]);
  });

  it('searches up to the hop limit by default, for the shortest paths and for every simple path', async () => {
    const data = await query(
      yoga,
      `{ shortest: paths(from: "alen-simonyan", to: "kassym-jomart-tokayev", first: 1) { length }
         all: paths(from: "alen-simonyan", to: "kassym-jomart-tokayev", all: true, first: 50) { length }
         allThree: paths(from: "alen-simonyan", to: "kassym-jomart-tokayev", all: true, maxHops: 3) { length } }`,
    );
    expect(data).toEqual({ shortest: [{ length: 4 }], all: Array(8).fill({ length: 4 }), allThree: [] });
  });

  it('pages in a fixed order, and filters by the kinds passed through and the relationship types walked', async () => {
    const data = await query(
      yoga,
      `{ page: paths(from: "kyrgyzstan", to: "csto", maxHops: 2, all: true, first: 3, skip: 4) { nodes { slug } }
         statementsOnly: paths(from: "kyrgyzstan", to: "csto", maxHops: 2, all: true, through: [STATEMENT]) { nodes { slug } }
         requests: paths(from: "kyrgyzstan", to: "csto", maxHops: 2, all: true, relationshipTypes: [HAS_ACTOR, HAS_TARGET], through: [EVENT], first: 50) { edges { type } nodes { slug } } }`,
    );
    expect(inner(data.page)).toEqual(kyrgyzstanToCsto.slice(4, 7));
    expect(inner(data.statementsOnly)).toEqual(['', 'statement-kyrgyz-politicians-question']);
    for (const path of data.requests) expect(['HAS_ACTOR', 'HAS_TARGET']).toEqual(expect.arrayContaining(path.edges.map((edge: { type: string }) => edge.type)));
    expect(inner(data.requests)).toEqual(kyrgyzstanToCsto.slice(1, 10));
  });

  it("reads a path's nodes with their ids, slugs and properties together (a Neo4j planner pitfall, found by the fuzzer)", async () => {
    const data = await query(yoga, `{ paths(from: "kyrgyzstan", to: "csto", maxHops: 2) { nodes { id properties slug } } }`);
    expect(data.paths).toEqual([{ nodes: [expect.objectContaining({ id: 'State:kyrgyzstan', slug: 'kyrgyzstan' }), expect.objectContaining({ id: 'Organization:csto', slug: 'csto' })] }]);
    expect(data.paths[0].nodes[1].properties.organizationKind).toBe('ALLIANCE');
  });

  it('refuses a skip out of range with BAD_USER_INPUT', async () => {
    const result = await execute(yoga, `{ paths(from: "kyrgyzstan", to: "csto", all: true, skip: -1) { length } }`);
    expect(result.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['BAD_USER_INPUT', 'skip must be a whole number from 0 to 1000; got -1.']]);
  });
});

/** The parts of the model the API exposes as typed fields: places within places, parts of organisations, statuses, date bounds, merged paths. */
import { afterAll, describe, expect, it } from 'vitest';
import { createCstoYoga } from '../src/yoga.js';
import { query } from './support/graphql-client.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
const yoga = createCstoYoga({ db });
afterAll(() => db.close());

describe('the model as typed fields', () => {
  it('says where a place lies, what lies in it, what an organisation is part of, and its parts, with enum kinds', async () => {
    const data = await query(
      yoga,
      `{ osh: thing(id: "osh") { ... on Place { placeKind locatedIn { slug } } }
         issyk: thing(id: "issyk-kul-region") { ... on Place { contains { slug } locatedIn { slug } } }
         house: thing(id: "us-house-of-representatives") { ... on Organization { organizationKind partOf { slug } } }
         congress: thing(id: "us-congress") { ... on Organization { parts { slug } } } }`,
    );
    expect(data).toEqual({
      osh: { placeKind: 'CITY', locatedIn: [{ slug: 'kyrgyzstan' }] },
      issyk: { contains: [{ slug: 'balykchy' }], locatedIn: [{ slug: 'kyrgyzstan' }] },
      house: { organizationKind: 'LEGISLATURE', partOf: [{ slug: 'us-congress' }] },
      congress: { parts: [{ slug: 'us-house-of-representatives' }] },
    });
  });

  it('filters events by status, and tells a statement dated by its source from one dated by the article', async () => {
    const data = await query(
      yoga,
      `{ cancelled: events(filter: { status: [CANCELLED] }) { edges { node { slug } } }
         peskov: statements(filter: { speaker: "Peskov" }) { edges { node { date dateIsLatestBound } } }
         simonyan: statements(filter: { speaker: "Simonyan" }) { edges { node { date dateIsLatestBound } } } }`,
    );
    expect(data).toEqual({
      cancelled: { edges: [{ node: { slug: 'exercise-indestructible-brotherhood-2022' } }] },
      peskov: { edges: [{ node: { date: '2022-10-10', dateIsLatestBound: false } }] },
      simonyan: { edges: [{ node: { date: '2022-10-13', dateIsLatestBound: true } }, { node: { date: '2022-10-13', dateIsLatestBound: true } }] },
    });
  });

  it('merges paths into one subgraph, each node and edge once, typed edges and untyped properties under the typed names', async () => {
    const args = 'from: "Simonyan", to: "Tokayev", maxHops: 4, first: 5';
    const data = await query(
      yoga,
      `{ paths(${args}) { nodes { id } edges { id } }
         pathGraph(${args}) { truncated nodes { id kind properties } edges { id source target type properties } } }`,
    );
    const distinct = (lists: string[][]) => [...new Set(lists.flat())].sort();
    const { pathGraph } = data;
    expect(pathGraph.nodes.map((node: { id: string }) => node.id).sort()).toEqual(distinct(data.paths.map((path: { nodes: { id: string }[] }) => path.nodes.map((node) => node.id))));
    expect(pathGraph.edges.map((edge: { id: string }) => edge.id).sort()).toEqual(distinct(data.paths.map((path: { edges: { id: string }[] }) => path.edges.map((edge) => edge.id))));
    expect(pathGraph.truncated).toBe(false);
    const office = pathGraph.edges.find((edge: { type: string; source: string }) => edge.type === 'HOLDS_OFFICE' && edge.source === 'Person:alen-simonyan');
    expect(office).toEqual({
      id: 'alen-simonyan-HOLDS_OFFICE->armenia#alen-simonyan-parliament-speaker-armenia',
      source: 'Person:alen-simonyan',
      target: 'State:armenia',
      type: 'HOLDS_OFFICE',
      properties: { title: 'Parliament Speaker' },
    });
    const csto = pathGraph.nodes.find((node: { id: string }) => node.id === 'Organization:csto');
    expect(csto?.properties.organizationKind).toBe('ALLIANCE');
    expect(Object.keys(csto?.properties ?? {}).filter((name) => ['id', 'name', 'kind', 'searchKeys'].includes(name))).toEqual([]);
  });
});

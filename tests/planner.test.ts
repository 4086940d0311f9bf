/** The planner with no database: GraphQL in, one Cypher query per root field out, with its parameters and cost. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type PlannedQuery, planOperation } from '../src/planner/plan-root.js';
import { schema } from '../src/schema/index.js';

function plan(query: string, variables: Record<string, unknown> = {}): Record<string, PlannedQuery> {
  const planned = planOperation(schema, parse(query), null, variables);
  return Object.fromEntries([...planned!].map(([key, value]) => {
    if (value instanceof Error) throw value;
    return [key, value];
  }));
}

const typename = (n: string) => `head([label IN labels(${n}) WHERE label <> 'Entity'])`;
const kind = typename('x');
/** The resolution of `thing(id:)`'s argument: an exact slug, else a name or alias, else suggestions. */
const resolution =
  'CALL { CALL { MATCH (thing:Entity) WHERE thing.id IN $p0 RETURN thing UNION MATCH (thing:Event) WHERE thing.id IN $p0 RETURN thing ' +
  'UNION MATCH (thing:Statement) WHERE thing.id IN $p0 RETURN thing UNION MATCH (thing:Claim) WHERE thing.id IN $p0 RETURN thing } WITH thing AS x ' +
  `RETURN collect(x {.id, .name, kind: ${kind}}) AS exact0 }\n` +
  'CALL {\n  WITH exact0 WITH exact0 WHERE size(exact0) = 0\n' +
  "  CALL db.index.fulltext.queryNodes('search', $p1) YIELD node AS x\n  WITH x WHERE $p2 IN x.searchKeys\n  WITH x ORDER BY x.id\n" +
  `  RETURN collect(x {.id, .name, kind: ${kind}}) AS named0\n}\n` +
  'WITH *, CASE WHEN size(exact0) > 0 THEN exact0 ELSE named0 END AS candidates0\n' +
  'WITH *, CASE WHEN size(candidates0) = 1 THEN candidates0[0].id END AS ref0\n' +
  'CALL {\n  WITH candidates0 WITH candidates0 WHERE size(candidates0) = 0\n' +
  "  CALL db.index.fulltext.queryNodes('search', $p3) YIELD node AS x, score\n  WITH x ORDER BY score DESC, x.id LIMIT 10\n" +
  `  RETURN collect(x {.id, .name, .aliases, kind: ${kind}}) AS suggestions0\n}`;
/** The thing the resolution found, bound to n0 inside the subquery that answers. */
const thingBySlug =
  'CALL { WITH ref0\nCALL { WITH ref0 MATCH (thing:Entity) WHERE thing.id IN [ref0] RETURN thing UNION WITH ref0 MATCH (thing:Event) WHERE thing.id IN [ref0] RETURN thing ' +
  'UNION WITH ref0 MATCH (thing:Statement) WHERE thing.id IN [ref0] RETURN thing UNION WITH ref0 MATCH (thing:Claim) WHERE thing.id IN [ref0] RETURN thing } WITH thing AS n0';

describe('the planner', () => {
  it('compiles an interface selection with a nested, filtered relationship list into one query', () => {
    const { thing } = plan(`{ thing(id: "csto") { name ... on Organization { members(at: "2022-10-13") { member { name } evidence { quote } } } } }`);
    expect(thing!.cypher).toBe(
      `${resolution}\n${thingBySlug} RETURN {\`__typename\`: ${typename('n0')}, \`name\`: n0.name, \`members\`: CASE WHEN n0:Organization THEN COLLECT { ` +
        'MATCH (n1)-[r1:MEMBER_OF]->(n0) WHERE r1.startDate <= date($p4) AND (r1.endDate IS NULL OR r1.endDate >= date($p4)) ' +
        `WITH * ORDER BY n1.name, r1.startDate, n1.id RETURN {\`member\`: {\`__typename\`: ${typename('n1')}, \`name\`: n1.name}, ` +
        '`evidence`: COLLECT { UNWIND [n2Index IN range(0, size(coalesce(r1.quotes, [])) - 1) | {quote: r1.quotes[n2Index], start: r1.quoteStarts[n2Index], end: r1.quoteEnds[n2Index], sourceId: r1.sourceIds[n2Index]}] AS n2 ' +
        'WITH * ORDER BY n2.sourceId, n2.start, n2.end RETURN {`quote`: n2.quote} AS value }} AS value } END} AS value }\nRETURN *',
    );
    expect(thing!.parameters).toEqual({ p0: ['csto'], p1: 'searchKeys:"csto"', p2: 'csto', p3: 'csto csto~', p4: '2022-10-13' });
    expect(thing!.rows).toBe(21);
  });

  it('pages a connection, counting only when totalCount is asked, and filters only on what is given', () => {
    const { events } = plan(`{ events(filter: { types: [HELP_REQUEST], from: "2000-01-01" }, first: 5) { totalCount edges { node { slug actors { name } } } } }`);
    const where = 'MATCH (n0:Event) WHERE n0.type IN $p0 AND n0.endDate >= date($p1)';
    expect(events!.cypher).toBe(
      `CALL { ${where} RETURN count(*) AS total }\n` +
        `CALL { ${where} WITH * ORDER BY n0.startDate ASC, n0.id SKIP $p2 LIMIT $p3 RETURN collect({\`slug\`: n0.id, \`actors\`: COLLECT { ` +
        `MATCH (n0)-[:HAS_ACTOR]->(n1) WITH * ORDER BY n1.name, n1.id RETURN {\`__typename\`: ${typename('n1')}, \`name\`: n1.name} AS value }}) AS page }\n` +
        'RETURN total, page AS value',
    );
    // One more than the page tells whether a next page exists.
    expect(events!.parameters).toEqual({ p0: ['HELP_REQUEST'], p1: '2000-01-01', p2: 0, p3: 6 });
    const { uncounted } = plan(`{ uncounted: events { edges { node { slug } } } }`);
    expect(uncounted!.cypher).not.toContain('count(');
  });

  it('follows fragments, aliases with different arguments, @include and @skip, and writes a shared field once', () => {
    const { thing } = plan(
      `query($yes: Boolean!) { thing(id: "csto") { ... on Entity { a: timeline(first: 1) { name } b: timeline(first: 2) { slug } } ...F @include(if: $yes) skipped: name @skip(if: $yes) } }
       fragment F on Thing { evidence { quote } }`,
      { yes: true },
    );
    const timeline = (limit: string, projection: string) =>
      `CASE WHEN n0:Organization OR n0:Person OR n0:Place OR n0:State THEN COLLECT { MATCH (n0)<-[:HAS_ACTOR|HAS_TARGET|HAS_PARTICIPANT|OCCURRED_IN]-(n1:Event)\n` +
      `WITH DISTINCT n1 WHERE true WITH * ORDER BY n1.startDate, size([(n1)-[:RESPONDS_TO|PROMPTED_BY*1..4]->(:Event) | 1]), n1.id LIMIT ${limit} RETURN ${projection} AS value } END`;
    expect(thing!.cypher).toBe(
      `${resolution}\n${thingBySlug} RETURN {\`__typename\`: ${typename('n0')}, ` +
        '`evidence`: COLLECT { MATCH (n0)-[r1:SOURCED_FROM]->(n1:Source) WITH * ORDER BY n1.id, r1.quoteStart, r1.quoteEnd RETURN {`quote`: r1.quote} AS value }, ' +
        `\`a\`: ${timeline('$p4', '{`name`: n1.name}')}, \`b\`: ${timeline('$p5', '{`slug`: n1.id}')}} AS value }\nRETURN *`,
    );
    expect(thing!.parameters).toEqual({ p0: ['csto'], p1: 'searchKeys:"csto"', p2: 'csto', p3: 'csto csto~', p4: 1, p5: 2 });
  });

  it('never writes a client value into the Cypher text', () => {
    const hostile = `x'}) detach delete n //`;
    const planned = plan(`query($v: String!) { thing(id: $v) { name } lookup(name: $v) { name } search(query: $v) { score } helpRequests(addressee: $v, requester: $v) { startDate } }`, { v: hostile });
    for (const query of Object.values(planned)) {
      expect(query.cypher).not.toContain('detach');
      expect(JSON.stringify(query.parameters)).toContain('detach');
    }
  });

  it('estimates rows from page sizes and fan-outs, multiplied down the selection', () => {
    const { states } = plan(`{ states(first: 10) { edges { node { timeline(first: 4) { participants { entity { name } } } } } } }`);
    // 10 states × (1 + 4 events × (1 + 5 participants)).
    expect(states!.rows).toBe(250);
    expect(states!.lists.map(({ path, perParent, rows }) => [path, perParent, rows])).toEqual([
      ['states', 10, 250],
      ['states.edges.node.timeline', 4, 240],
      ['states.edges.node.timeline.participants', 5, 200],
    ]);
  });
});

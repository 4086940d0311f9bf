/** The loaded article graph against the contract of docs/model.md: provenance, ids, counts, attribution, search keys. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { searchKey } from '../src/schema/shapes.js';
import { openTestDatabase } from './support/test-neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

const sourceId = 'csto-2022-10-13';
// The repository's own copy: a test reads nothing outside the repository (tests/self-contained.test.ts).
const sourceFiles: [string, URL][] = [['cypher/sources', new URL(`../cypher/sources/${sourceId}.txt`, import.meta.url)]];

/** The article has no-break spaces between many words; statement texts are compared with white space folded. */
const foldSpace = (text: string) => text.replace(/\s+/g, ' ');

/** A relationship's id as docs/model.md defines it: `<start>-<TYPE>-><end>`, plus `#<r.id>` when it has one. */
const edgeIdCypher = "a.id + '-' + type(r) + '->' + b.id + coalesce('#' + r.id, '')";

async function sourceTexts(): Promise<Map<string, string>> {
  const rows = await db.read<{ id: string; text: string }>('MATCH (s:Source) RETURN s.id AS id, s.text AS text');
  return new Map(rows.map(({ id, text }) => [id, text]));
}

describe('the source text', () => {
  it.each(sourceFiles)(`equals %s/${sourceId}.txt byte for byte`, async (_folder, file) => {
    const [source] = await db.read<{ text: string }>('MATCH (s:Source {id: $id}) RETURN s.text AS text', { id: sourceId });
    const bytes = readFileSync(file);
    expect(source!.text).toBe(bytes.toString('utf8'));
    // The string comparison cannot see bytes that are not valid UTF-8; the round trip can.
    expect(Buffer.from(source!.text, 'utf8').equals(bytes)).toBe(true);
  });
});

describe('provenance', () => {
  interface Quote {
    fact: string;
    sourceId: string | null;
    quote: string | null;
    quoteStart: number | null;
    quoteEnd: number | null;
  }

  /** Why a quote is not verbatim at its offsets, or undefined when it is. */
  function quoteProblem(q: Quote, texts: Map<string, string>): string | undefined {
    const text = q.sourceId === null ? undefined : texts.get(q.sourceId);
    if (text === undefined) return `${q.fact}: no Source '${q.sourceId}'`;
    if (!q.quote?.trim()) return `${q.fact}: no quote`;
    if (!Number.isInteger(q.quoteStart) || !Number.isInteger(q.quoteEnd)) return `${q.fact}: offsets ${q.quoteStart}, ${q.quoteEnd}`;
    const found = text.slice(q.quoteStart!, q.quoteEnd!);
    if (found === q.quote) return undefined;
    // Tells a no-break space turned into a plain one (or the reverse) apart from wrong offsets.
    const how = foldSpace(found) === foldSpace(q.quote) ? 'differs only in white space from' : 'is not';
    return `${q.fact}: the quote ${how} the source at [${q.quoteStart}, ${q.quoteEnd}): ${JSON.stringify(q.quote)} vs ${JSON.stringify(found)}`;
  }

  it('quotes every fact verbatim at its offsets, and loses none', async () => {
    const texts = await sourceTexts();
    const nodeQuotes = await db.read<Quote>(
      `MATCH (n)-[r:SOURCED_FROM]->(s)
       RETURN n.id + '-SOURCED_FROM->' + s.id + '@' + r.quoteStart AS fact, s.id AS sourceId, r.quote AS quote,
              r.quoteStart AS quoteStart, r.quoteEnd AS quoteEnd`,
    );
    const edgeQuotes = await db.read<Quote>(
      `MATCH (a)-[r]->(b) WHERE type(r) <> 'SOURCED_FROM'
       UNWIND range(0, size(r.quotes) - 1) AS i
       RETURN ${edgeIdCypher} AS fact, r.sourceIds[i] AS sourceId, r.quotes[i] AS quote, r.quoteStarts[i] AS quoteStart, r.quoteEnds[i] AS quoteEnd`,
    );
    const problems = [...nodeQuotes, ...edgeQuotes].map((q) => quoteProblem(q, texts)).filter(Boolean);
    expect(problems).toEqual([]);
    // Pinned per source: a quote that disappears from the imports fails here, not silently.
    const perSource = (quotes: Quote[]) => Object.fromEntries([...new Set(quotes.map((q) => q.sourceId))].map((id) => [id, quotes.filter((q) => q.sourceId === id).length]));
    expect({ sourcedFrom: perSource(nodeQuotes), relationships: perSource(edgeQuotes) }).toEqual({
      sourcedFrom: { 'csto-2022-10-13': 161 },
      relationships: { 'csto-2022-10-13': 247 },
    });
  });

  it('finds the text of every Statement and Claim in its source', async () => {
    const texts = await sourceTexts();
    const rows = await db.read<{ id: string; text: string | null; sources: string[] }>(
      `MATCH (n)-[:SOURCED_FROM]->(s:Source) WHERE n:Statement OR n:Claim
       RETURN n.id AS id, n.text AS text, collect(DISTINCT s.id) AS sources`,
    );
    const missing = rows
      .filter(({ text, sources }) => !text || !sources.some((id) => foldSpace(texts.get(id) ?? '').includes(foldSpace(text))))
      .map(({ id }) => id);
    expect(missing).toEqual([]);
    expect(rows).toHaveLength(16);
  });

  it('sources every node but a Source', async () => {
    const unsourced = await db.read('MATCH (n) WHERE NOT n:Source AND NOT n:LoadedFile AND NOT (n)-[:SOURCED_FROM]->(:Source) RETURN n.id AS id');
    expect(unsourced).toEqual([]);
  });

  it('gives every other relationship its own evidence, each item naming an existing Source', async () => {
    const rows = await db.read<{ edge: string }>(
      `MATCH (a)-[r]->(b) WHERE type(r) <> 'SOURCED_FROM'
         AND (coalesce(size(r.quotes), 0) = 0 OR size(r.quoteStarts) <> size(r.quotes) OR size(r.quoteEnds) <> size(r.quotes)
              OR size(r.sourceIds) <> size(r.quotes) OR any(id IN r.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) }))
       RETURN ${edgeIdCypher} AS edge`,
    );
    expect(rows.map(({ edge }) => edge)).toEqual([]);
  });
});

describe('ids', () => {
  it('are lowercase slugs, unique across the whole graph', async () => {
    const ids = (await db.read<{ id: string | null }>('MATCH (n) WHERE NOT n:LoadedFile RETURN n.id AS id')).map(({ id }) => id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    const notSlugs = ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id ?? ''));
    expect({ duplicates, notSlugs }).toEqual({ duplicates: [], notSlugs: [] });
  });
});

describe('counts', () => {
  it('has the pinned number of nodes per label', async () => {
    const rows = await db.read<{ label: string; count: number }>('MATCH (n) WHERE NOT n:LoadedFile UNWIND labels(n) AS label RETURN label, count(*) AS count');
    expect(Object.fromEntries(rows.map(({ label, count }) => [label, count]))).toEqual({
      Source: 1,
      State: 14,
      Person: 11,
      Organization: 18,
      Place: 14,
      Entity: 57,
      Event: 38,
      Statement: 15,
      Claim: 1,
    });
  });

  it('has the pinned number of relationships per type', async () => {
    const rows = await db.read<{ type: string; count: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    expect(Object.fromEntries(rows.map(({ type, count }) => [type, count]))).toEqual({
      SOURCED_FROM: 161,
      MEMBER_OF: 10,
      HOLDS_OFFICE: 8,
      PART_OF: 3,
      LOCATED_IN: 8,
      HAS_ACTOR: 47,
      HAS_TARGET: 40,
      HAS_PARTICIPANT: 7,
      OCCURRED_IN: 31,
      RESPONDS_TO: 8,
      PROMPTED_BY: 8,
      COINCIDED_WITH: 1,
      PART_OF_EVENT: 1,
      SAID_BY: 15,
      VIA: 3,
      ABOUT: 39,
      MADE_AT: 1,
      CLAIMED_BY: 1,
      JUSTIFIES: 1,
    });
  });
});

describe('help requests', () => {
  // The query exactly as docs/model.md prints it, so the documentation cannot drift from the data.
  const headline = /The headline question[\s\S]*?```cypher\n([\s\S]*?)```/.exec(readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8'))?.[1] ?? '';

  it("answers the headline question of docs/model.md: Kyrgyzstan three times, then Armenia's passive refusal", async () => {
    expect(headline).toContain("request.outcome = 'REFUSED'");
    expect(await db.read(headline)).toEqual([
      { requester: 'Kyrgyzstan', date: '1999-01-01', manner: 'EXPLICIT' },
      { requester: 'Kyrgyzstan', date: '2010-01-01', manner: 'EXPLICIT' },
      { requester: 'Kyrgyzstan', date: '2021-01-01', manner: 'EXPLICIT' },
      { requester: 'Armenia', date: '2022-09-01', manner: 'PASSIVE' },
    ]);
  });

  it('finds one granted request: Kazakhstan in January 2022', async () => {
    expect(await db.read(headline.replace("'REFUSED'", "'GRANTED'"))).toEqual([{ requester: 'Kazakhstan', date: '2022-01-01', manner: 'EXPLICIT' }]);
  });
});

describe('attribution', () => {
  it('gives every Statement a speaker', async () => {
    expect(await db.read('MATCH (s:Statement) WHERE NOT (s)-[:SAID_BY]->() RETURN s.id AS id')).toEqual([]);
  });

  it('gives every statement in a named medium both its medium and a VIA edge to it, and only those', async () => {
    const rows = await db.read<{ id: string; medium: string | null; via: string[] }>(
      'MATCH (s:Statement) RETURN s.id AS id, s.medium AS medium, [(s)-[:VIA]->(m:Organization) | m.name] AS via ORDER BY id',
    );
    const inconsistent = rows.filter(({ medium, via }) => JSON.stringify(via) !== JSON.stringify(medium === null ? [] : [medium]));
    expect(inconsistent).toEqual([]);
    expect(rows.filter(({ medium }) => medium !== null).map(({ id, medium }) => [id, medium])).toEqual([
      ['statement-simonyan-gun', 'Public Television of Armenia'],
      ['statement-simonyan-public-television', 'Public Television of Armenia'],
      ['statement-topwar-author-comedy', 'topwar.ru'],
    ]);
  });

  it('gives every Claim a claimant and a status', async () => {
    const rows = await db.read(
      "MATCH (c:Claim) WHERE NOT (c)-[:CLAIMED_BY]->() OR NOT c.status IN ['UNSUPPORTED'] RETURN c.id AS id, c.status AS status",
    );
    expect(rows).toEqual([]);
  });

  it('never states an opinion as a plain fact: Statements and Claims only attribute, point and cite', async () => {
    const rows = await db.read<{ edge: string }>(
      `MATCH (a)-[r]->(b) WHERE (a:Statement OR a:Claim)
         AND NOT type(r) IN ['SAID_BY', 'CLAIMED_BY', 'ABOUT', 'VIA', 'MADE_AT', 'JUSTIFIES', 'SOURCED_FROM']
       RETURN ${edgeIdCypher} AS edge`,
    );
    expect(rows.map(({ edge }) => edge)).toEqual([]);
  });
});

describe('search keys', () => {
  it("are exactly the API's searchKey() of the name and every alias, on every Entity and Event", async () => {
    const rows = await db.read<{ id: string; name: string; aliases: string[] | null; searchKeys: string[] | null }>(
      'MATCH (n) WHERE n:Entity OR n:Event RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.searchKeys AS searchKeys',
    );
    const disagreements = rows
      .map(({ id, name, aliases, searchKeys }) => ({ id, stored: searchKeys, api: [...new Set([name, ...(aliases ?? [])].map(searchKey))] }))
      .filter(({ stored, api }) => JSON.stringify(stored) !== JSON.stringify(api));
    expect(disagreements).toEqual([]);
    expect(rows).toHaveLength(57 + 38);
  });
});

describe('CSTO members at a date', () => {
  it.each([
    ['1992-06-01', 'the six signatories of Tashkent', ['armenia', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan', 'uzbekistan']],
    [
      '1995-01-01',
      'the signatories and the three that joined in 1993',
      ['armenia', 'azerbaijan', 'belarus', 'georgia', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan', 'uzbekistan'],
    ],
    ['2008-01-01', 'without Azerbaijan and Georgia, with Uzbekistan back', ['armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan', 'uzbekistan']],
    ['2022-10-13', 'the six of the article', ['armenia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'russia', 'tajikistan']],
  ])('on %s: %s', async (day, _why, expected) => {
    const rows = await db.read<{ id: string }>(
      `MATCH (s:State)-[r:MEMBER_OF]->(:Organization {id: 'csto'})
       WHERE r.startDate <= date($day) AND (r.endDate IS NULL OR r.endDate >= date($day))
       RETURN s.id AS id ORDER BY id`,
      { day },
    );
    expect(rows.map(({ id }) => id)).toEqual(expected);
  });
});

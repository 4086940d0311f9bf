/** Keys a file's literal rows give that their statement never reads: found before anything is sent. */
import { describe, expect, it } from 'vitest';
import { outgoingStatements } from '../src/loader/load-cypher.js';
import { describeUnreadRowKeys } from '../src/loader/row-keys.js';

/** A script's statements as the loader sends them. */
const sent = (script: string) => outgoingStatements({ script, parameters: {} });

const offices = (row: string, read = 'row.title') => `// offices
MATCH (s:Source {id: 'src'});

UNWIND [
  {from: 'a', to: 'b', id: 'a-b', title: 'President'},
  ${row}
] AS row
MATCH (a:Person {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b)
ON CREATE SET r.title = ${read}
WITH r, row
CALL (r, row) {
  WITH [k IN ['title'] WHERE row[k] IS NOT NULL] AS keys
  RETURN keys
}
RETURN count(*);`;

describe('describeUnreadRowKeys', () => {
  it('passes rows whose every key the statement reads, by name or through row[k] with the key among its strings', () => {
    expect(describeUnreadRowKeys(sent(offices(`{from: 'c', to: 'd', id: 'c-d', title: 'Speaker'}`)))).toBeUndefined();
    expect(describeUnreadRowKeys(sent(offices(`{from: 'c', to: 'd', id: 'c-d', title: 'Speaker'}`, "row['title']")))).toBeUndefined();
    // A key given only as null drops nothing.
    expect(describeUnreadRowKeys(sent(offices(`{from: 'c', to: 'd', id: 'c-d', title: 'Speaker', since: null}`)))).toBeUndefined();
  });

  it('names a misspelt key with the key the statement reads and no row gives, at the line of its first row', () => {
    const script = `UNWIND [
  {from: 'a', to: 'b', id: 'a-b', titel: 'President'}
] AS row
MATCH (a:Person {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b) ON CREATE SET r.title = row.title;`;
    expect(describeUnreadRowKeys(sent(script))).toEqual({
      line: 2,
      reason:
        'the rows give titel (did you mean title?), which the statement never reads as row.<key>: Cypher reads a key no row gives as null, ' +
        'so the value would be dropped without a word. Read the key, or leave it out of the rows',
    });
  });

  it('points at the first row giving a key the statement forgot, in the second statement of a file', () => {
    const found = describeUnreadRowKeys(sent(offices(`{from: 'c', to: 'd', id: 'c-d', title: 'Speaker', since: 2019}`)));
    expect(found?.line).toBe(6);
    expect(found?.reason).toMatch(/^the rows give since, which the statement never reads as row\.<key>/);
  });

  it('names a row that lacks the quote or offsets its statement reads, at its line, among rows of one fact with several quotes', () => {
    const script = `UNWIND [
  {from: 'a', to: 'b', id: 'a-b', title: 'President', quote: 'first', quoteStart: 1, quoteEnd: 6},
  {from: 'a', to: 'b', id: 'a-b', title: 'President', quote: 'second', quoteEnd: 9},
  {from: 'c', to: 'd', id: 'c-d', title: 'Speaker'}
] AS row
MATCH (a:Person {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b) ON CREATE SET r.title = row.title
SET r.quotes = coalesce(r.quotes, []) + row.quote, r.quoteStarts = coalesce(r.quoteStarts, []) + row.quoteStart, r.quoteEnds = coalesce(r.quoteEnds, []) + row.quoteEnd;`;
    expect(describeUnreadRowKeys(sent(script))).toEqual({
      line: 3,
      reason:
        "the row from 'a' to 'b' (id 'a-b') gives no quoteStart, which the statement reads as row.<key>: every fact and thing needs its quote and the quote's offsets in its source (npm run cite gives them)",
    });
    expect(describeUnreadRowKeys(sent(script.replace("quote: 'second', quoteEnd: 9", "quote: 'second', quoteStart: 7, quoteEnd: 9"))), 'the third row').toEqual({
      line: 4,
      reason: "the row from 'c' to 'd' (id 'c-d') gives no quote, quoteStart, quoteEnd, which the statement reads as row.<key>: every fact and thing needs its quote and the quote's offsets in its source (npm run cite gives them)",
    });
  });

  it('checks the maps a row holds where the statement unwinds them, and leaves rows read whole alone', () => {
    const nested = `UNWIND [{id: 'x', prov: [{quote: 'q', quoteStart: 1, quoteEnd: 2}, {quote: 'r', quoteStrat: 3, quoteEnd: 4}]}] AS row
MERGE (n:State {id: row.id})
WITH n, row UNWIND row.prov AS p
MERGE (n)-[f:SOURCED_FROM {quoteStart: p.quoteStart, quoteEnd: p.quoteEnd}]->(:Source {id: 's'}) SET f.quote = p.quote;`;
    expect(describeUnreadRowKeys(sent(nested))?.reason).toMatch(/^the rows give quoteStrat \(did you mean quoteStart\?\), which the statement never reads as p\.<key>/);
    for (const whole of ['SET n += row', 'SET n = row', 'SET n.all = properties(row)', 'RETURN row {.*}']) {
      expect(describeUnreadRowKeys(sent(`UNWIND [{id: 'x', extra: 1}] AS row MERGE (n:State {id: row.id}) ${whole};`)), whole).toBeUndefined();
    }
  });
});

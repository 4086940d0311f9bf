/** Where the loader points for a relationship row whose end its statement cannot find: the row of the statement that failed. */
import { describe, expect, it } from 'vitest';
import { outgoingStatements } from '../src/loader/load-cypher.js';
import { describeMissingEnds, relationshipRowEnds } from '../src/loader/row-ends.js';

const script = `// two statements name russia; the second matches it under a misspelt label
UNWIND [
  {from: 'vladimir-putin', to: 'russia', id: 'putin-president'}
] AS row
MATCH (a:Person {id: row.from}), (b:State {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b);

UNWIND [
  {from: 'dmitry-peskov', to: 'kazakhstan', id: 'peskov-elsewhere'},
  {from: 'dmitry-peskov', to: 'russia', id: 'peskov-press-secretary'}
] AS row
MATCH (a:Person {id: row.from}), (b:Sate {id: row.to})
MERGE (a)-[r:HOLDS_OFFICE {id: row.id}]->(b);
`;

describe('relationshipRowEnds and describeMissingEnds', () => {
  it("point at the first row of the statement whose pattern misses the end, not at another statement's row naming the same id", () => {
    const ends = relationshipRowEnds(outgoingStatements({ script, parameters: {} }).map(({ statement, text, moved }) => ({ statement, text, lists: Object.values(moved?.parameters ?? {}) })));
    expect(ends.filter(({ id }) => id === 'russia').map(({ line, ...end }) => ({ ...end, line: line?.() }))).toEqual([
      { id: 'russia', labels: ['State'], end: 'to', line: 3 },
      { id: 'russia', labels: ['Sate'], end: 'to', line: 10 },
    ]);
    const missing = ends.filter(({ labels }) => labels.includes('Sate'));
    expect(describeMissingEnds(missing.slice(1), script, new Map([['russia', ['State']]]))).toEqual({
      line: 10,
      reason: "a relationship row names 'russia' as its to, which its statement matches as (:Sate {id: row.to}), but it is a State, so the row would write nothing",
    });
  });
});

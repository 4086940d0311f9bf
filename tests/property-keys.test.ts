/** Property keys outside docs/model.md that a file writes or matches on: found before anything is sent. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCypherFiles, outgoingStatements, prepareCypherFile } from '../src/loader/load-cypher.js';
import { describeUnknownPropertyKeys } from '../src/loader/property-keys.js';
import { modelVocabulary } from '../src/loader/vocabulary.js';

/** A script's statements as the loader sends them. */
const sent = (script: string) => outgoingStatements({ script, parameters: {} });
const known = modelVocabulary.propertyKeys;

const people = (set: string, pattern = 'id: row.id') => `// people
MATCH (s:Source {id: 'src'})
UNWIND [
  {id: 'a', name: 'A. Person', aliases: [], quote: 'A. Person spoke.', quoteStart: 0, quoteEnd: 16}
] AS row
MERGE (n:Person:Entity {${pattern}})
ON CREATE SET ${set}
WITH s, n, row
MERGE (n)-[r:SOURCED_FROM {quoteStart: row.quoteStart, quoteEnd: row.quoteEnd}]->(s)
ON CREATE SET r.quote = row.quote;`;

describe('describeUnknownPropertyKeys', () => {
  it("passes the model's keys in SET assignments, pattern maps and comparisons", () => {
    expect(describeUnknownPropertyKeys(sent(people('n.name = row.name, n.aliases = row.aliases')), known)).toBeUndefined();
    // `x.key = …` after WHERE, or with an index, compares: it writes nothing.
    expect(describeUnknownPropertyKeys(sent(`MATCH (n:Person) WHERE n.nickname = 'x' OR n.disputedProperties[0] = 'y' RETURN n;`), known)).toBeUndefined();
  });

  it('names a misspelt key of a SET, with the key it most likely meant, at its line', () => {
    expect(describeUnknownPropertyKeys(sent(people('n.aliases = row.aliases,\n  n.nmae = row.name')), known)).toEqual({
      line: 8,
      reason: 'the property nmae is not in docs/model.md (did you mean name?): the API never reads it, and reads the property it was meant for as missing',
    });
  });

  it("names a key of a pattern's map, and of a map SET whole", () => {
    expect(describeUnknownPropertyKeys(sent(people('n.name = row.name', 'idd: row.id')), known)).toEqual({
      line: 6,
      reason: 'the property idd is not in docs/model.md (did you mean id?): the API never reads it, and reads the property it was meant for as missing',
    });
    expect(describeUnknownPropertyKeys(sent(`MATCH (n:Person {id: 'a'})\nSET n += {nickname: 'Al'};`), known)).toEqual({
      line: 2,
      reason: 'the property nickname is not in docs/model.md: the API never reads it, and reads the property it was meant for as missing',
    });
  });

  it("passes every file of cypher/, and docs/model.md names every key but the loader's own", async () => {
    const problems = [];
    for (const file of await listCypherFiles('cypher')) problems.push(describeUnknownPropertyKeys(outgoingStatements(await prepareCypherFile(file)), known));
    expect(problems).toEqual(problems.map(() => undefined));
    const model = readFileSync('docs/model.md', 'utf8');
    expect(known.filter((key) => !new RegExp(`\`${key}[\`: ]`).test(model))).toEqual(['hash', 'loadedAt']);
  });
});

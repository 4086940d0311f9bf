/** The quotes a file's literal rows give, and the source each cites, as the loader judges them. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { citedSourceId, rowQuotes, writtenRelationshipType } from '../src/loader/file-quotes.js';

describe('citedSourceId', () => {
  it.each([
    ["WITH r, row, 'csto-2022-10-13' AS sourceId", 'csto-2022-10-13'],
    ["MATCH (s:Source {id: 'example-2023-01-10'})\nUNWIND $rows AS row", 'example-2023-01-10'],
    ["MATCH (s:Source {id: 'a'}) WITH s, 'a' AS sourceId", 'a'],
    ["MATCH (s:Source {id: 'a'}) WITH s, 'b' AS sourceId", undefined],
    ['MATCH (s:Source {id: $source})', undefined],
    ["// was 'old' AS sourceId\nMATCH (n) RETURN n", undefined],
  ])('reads %j as %j', (statement, expected) => {
    expect(citedSourceId(statement)).toBe(expected);
  });

  it('reads an id the loader moved into a parameter, as it sends a statement', () => {
    expect(citedSourceId('WITH r, row, $cstoLiteralRows3 AS sourceId', { cstoLiteralRows3: 'csto-2022-10-13' })).toBe('csto-2022-10-13');
    expect(citedSourceId('MATCH (s:Source {id: $cstoLiteralRows0})', { cstoLiteralRows0: 'example' })).toBe('example');
    expect(citedSourceId('MATCH (s:Source {id: $source})', {})).toBeUndefined();
  });
});

describe('writtenRelationshipType', () => {
  it.each([
    ['MATCH (a:State {id: row.from}), (b:Organization {id: row.to})\nMERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)', 'MEMBER_OF'],
    ['MERGE (n:Place:Entity {id: row.id})\nWITH n, row UNWIND row.prov AS p\nMERGE (n)-[r:SOURCED_FROM {quoteStart: p.quoteStart}]->(s)', 'SOURCED_FROM'],
    ['MERGE (n:Place:Entity {id: row.id})', undefined],
  ])('reads %j as %j', (statement, expected) => {
    expect(writtenRelationshipType(statement)).toBe(expected);
  });
});

describe('rowQuotes', () => {
  it("names each quote's fact as the quote check names edges, and takes a row's own sourceId first", () => {
    const rows = [
      { from: 'armenia', to: 'csto', id: 'armenia-csto-1992', quote: 'CSTO includes', quoteStart: neo4j.int(1106), quoteEnd: neo4j.int(1119) },
      { from: 'russia', to: 'csto', quote: 'Russia', quoteStart: neo4j.int(5), quoteEnd: neo4j.int(11), sourceId: 'other' },
      { id: 'no-quote', name: 'No quote' },
    ];
    expect(rowQuotes([rows, 'a string parameter'], 'csto-2022-10-13', 'MEMBER_OF')).toEqual([
      { row: 'armenia-MEMBER_OF->csto#armenia-csto-1992', sourceId: 'csto-2022-10-13', quote: 'CSTO includes', quoteStart: neo4j.int(1106), quoteEnd: neo4j.int(1119) },
      { row: 'russia-MEMBER_OF->csto', sourceId: 'other', quote: 'Russia', quoteStart: neo4j.int(5), quoteEnd: neo4j.int(11) },
    ]);
  });

  it("names the evidence nested in a node's row by the node, its relationship and its source", () => {
    const rows = [{ id: 'russia', aliases: ['RF'], prov: [{ quote: 'Russia', quoteStart: 1, quoteEnd: 7 }, { quote: 'RF', quoteStart: 9, quoteEnd: 11 }] }];
    expect(rowQuotes([rows], 'csto-2022-10-13', 'SOURCED_FROM')).toEqual([
      { row: 'russia-SOURCED_FROM->csto-2022-10-13', sourceId: 'csto-2022-10-13', quote: 'Russia', quoteStart: 1, quoteEnd: 7 },
      { row: 'russia-SOURCED_FROM->csto-2022-10-13', sourceId: 'csto-2022-10-13', quote: 'RF', quoteStart: 9, quoteEnd: 11 },
    ]);
  });

  it('leaves a quote whose source the statement does not name to the check of the database', () => {
    expect(rowQuotes([[{ id: 'x', quote: 'Russia', quoteStart: 1, quoteEnd: 7 }]], undefined)).toEqual([]);
  });
});

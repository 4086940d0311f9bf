import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { moveLiteralRows } from '../src/loader/literal-rows.js';

describe('moveLiteralRows', () => {
  it('moves a list of literal rows into a parameter, with the values Cypher would give them', () => {
    const statement = `// Events
UNWIND [
  {id: 'a', n: 12, f: -4.0, e: 1e3, ok: true, no: FALSE, none: null, when: date('2022-10-13'), tags: ['x', "y"], nested: {k: [1, {j: 2}]}},
  // a comment between rows
  {id: 'it\\'s \\u00e9\\n', n: -7, \`odd key\`: 0}
] AS row
MERGE (n:Event {id: row.id})`;
    const moved = moveLiteralRows(statement)!;
    expect(moved.text).toBe('// Events\nUNWIND $cstoLiteralRows1 AS row\nMERGE (n:Event {id: row.id})');
    const [first, second] = moved.parameters.cstoLiteralRows1 as Record<string, unknown>[];
    expect(first).toEqual({
      id: 'a',
      n: neo4j.int(12),
      f: -4,
      e: 1000,
      ok: true,
      no: false,
      none: null,
      when: new neo4j.types.Date(2022, 10, 13),
      tags: ['x', 'y'],
      nested: { k: [neo4j.int(1), { j: neo4j.int(2) }] },
    });
    expect(second).toEqual({ id: "it's é\n", n: neo4j.int(-7), 'odd key': neo4j.int(0) });
  });

  it('numbers the parameters of several lists, and leaves other UNWINDs and strings alone', () => {
    const statement = "MATCH (s {id: 'UNWIND [1] AS x'}) UNWIND [1, 2] AS a UNWIND $given AS b UNWIND [3] AS c RETURN a";
    const moved = moveLiteralRows(statement, 5)!;
    expect(moved.text).toBe("MATCH (s {id: 'UNWIND [1] AS x'}) UNWIND $cstoLiteralRows5 AS a UNWIND $given AS b UNWIND $cstoLiteralRows6 AS c RETURN a");
    expect(moved.parameters).toEqual({ cstoLiteralRows5: [neo4j.int(1), neo4j.int(2)], cstoLiteralRows6: [neo4j.int(3)] });
  });

  it.each([
    ['an expression', 'UNWIND [1 + 2] AS x RETURN x'],
    ['a function other than date', "UNWIND [datetime('2022-10-13T00:00')] AS x RETURN x"],
    ['a parameter inside', 'UNWIND [$a] AS x RETURN x'],
    ['a variable inside', 'WITH 1 AS y UNWIND [y] AS x RETURN x'],
    ['a list that is indexed', 'UNWIND [[1], [2]][0] AS x RETURN x'],
    ['an impossible date', "UNWIND [date('2022-02-30')] AS x RETURN x"],
    ['an unknown escape', "UNWIND ['a\\qb'] AS x RETURN x"],
    ['an integer beyond 64 bits', 'UNWIND [9223372036854775808] AS x RETURN x'],
    ['a hexadecimal integer', 'UNWIND [0x1F] AS x RETURN x'],
    ['a duplicate map key', 'UNWIND [{a: 1, a: 2}] AS x RETURN x'],
    ['an unterminated list', 'UNWIND [1, 2 AS x RETURN x'],
  ])('leaves a list with %s in the text', (_, statement) => {
    expect(moveLiteralRows(statement)).toBeUndefined();
  });

  it("maps Neo4j's line and column in the sent text back to the original statement", () => {
    const statement = 'UNWIND [\n  {a: 1},\n  {a: 2}\n] AS row\nMERGE (n:X {a: row.a})\nRETURN nope';
    const moved = moveLiteralRows(statement)!;
    expect(moved.text).toBe('UNWIND $cstoLiteralRows1 AS row\nMERGE (n:X {a: row.a})\nRETURN nope');
    // `nope` is line 3, column 8 of the sent text, line 6, column 8 of the original.
    expect(moved.originalPosition(3, 8)).toEqual({ line: 6, column: 8 });
    // After the placeholder on its own line: ` AS row` follows the list's closing bracket.
    expect(moved.originalPosition(1, 26)).toEqual({ line: 4, column: 3 });
    // Inside the placeholder: the list's first character.
    expect(moved.originalPosition(1, 10)).toEqual({ line: 1, column: 8 });
    // Before it: unchanged.
    expect(moved.originalPosition(1, 1)).toEqual({ line: 1, column: 1 });
  });

  it('with strings, sends the other string literals of a data statement as parameters, so files that differ only in them send one text', () => {
    const file = (id: string) => `// the source\nMATCH (s:Source {id: '${id}'})\nUNWIND [{q: 'a'}] AS row\nWITH s, row, "${id}" AS sourceId RETURN sourceId`;
    const [one, two] = [moveLiteralRows(file('source-1'), 1, { strings: true })!, moveLiteralRows(file('source-2'), 1, { strings: true })!];
    expect(one.text).toBe('// the source\nMATCH (s:Source {id: $cstoLiteralString1})\nUNWIND $cstoLiteralRows1 AS row\nWITH s, row, $cstoLiteralString2 AS sourceId RETURN sourceId');
    expect(two.text).toBe(one.text);
    expect(one.parameters).toEqual({ cstoLiteralRows1: [{ q: 'a' }], cstoLiteralString1: 'source-1', cstoLiteralString2: 'source-1' });
    // A position after a moved string maps back to the file's own column.
    expect(one.originalPosition(4, 34)).toEqual({ line: 4, column: 25 });
    // Schema commands, and LOAD CSV's FIELDTERMINATOR, keep their literals.
    expect(moveLiteralRows("CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b) OPTIONS {indexProvider: 'range-1.0'}", 1, { strings: true })).toBeUndefined();
    expect(moveLiteralRows("WITH 1 AS x LOAD CSV FROM 'f' AS line FIELDTERMINATOR ';' RETURN line", 1, { strings: true })).toBeUndefined();
  });

  it('with strings, reads escaped quotes and comments as the lexer does', () => {
    const moved = moveLiteralRows("MERGE (s {id: 'a'}) /* it's */ SET s.name = 'Putin\\'s', s.day = date('2022-10-13') // it's", 1, { strings: true })!;
    expect(moved.text).toBe("MERGE (s {id: $cstoLiteralString1}) /* it's */ SET s.name = $cstoLiteralString2, s.day = date($cstoLiteralString3) // it's");
    expect(moved.parameters).toEqual({ cstoLiteralString1: 'a', cstoLiteralString2: "Putin's", cstoLiteralString3: '2022-10-13' });
  });

  it('with comments, drops comments and the white space around the statement, so files that differ only in them send one text', () => {
    const file = (n: number) => `\n// Synthetic cluster ${n}: its source.\n// @param-file sourceText sources/cluster-${n}.txt\n\nMERGE (s:Source {id: $id}) /* the ${n}th */ SET s.n = 1 // set\nRETURN s  \n`;
    const [one, two] = [moveLiteralRows(file(1), 1, { comments: true })!, moveLiteralRows(file(500), 1, { comments: true })!];
    expect(one.text).toBe('MERGE (s:Source {id: $id})   SET s.n = 1 \nRETURN s');
    expect(two.text).toBe(one.text);
    expect(one.parameters).toEqual({});
    // `RETURN s` is line 2, column 1 of the sent text, line 6, column 1 of the file's statement.
    expect(one.originalPosition(2, 1)).toEqual({ line: 6, column: 1 });
    // `SET` is line 1, column 30 sent; in the statement it follows the block comment.
    expect(one.originalPosition(1, 30)).toEqual({ line: 5, column: 42 });
    // Inside the space that stands for the block comment: the comment's first character.
    expect(one.originalPosition(1, 28)).toEqual({ line: 5, column: 28 });
  });

  it('with comments, leaves strings, names, moved rows and an unclosed block comment as they are', () => {
    const statement = "MATCH (n {url: 'http://x/*y*/'}) /*/ still a comment */ UNWIND [1, // one\n 2] AS `a//b` RETURN n /* open";
    const moved = moveLiteralRows(statement, 1, { comments: true })!;
    expect(moved.text).toBe("MATCH (n {url: 'http://x/*y*/'})   UNWIND $cstoLiteralRows1 AS `a//b` RETURN n /* open");
    expect(moved.parameters).toEqual({ cstoLiteralRows1: [neo4j.int(1), neo4j.int(2)] });
    expect(moveLiteralRows('MATCH (n) RETURN n', 1, { comments: true })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { splitCypher } from '../src/loader/split-cypher.js';

describe('splitCypher', () => {
  it('splits on semicolons and keeps the line each statement starts on', () => {
    const script = "// header\nCREATE (a:A);\n\nMATCH (n)\nRETURN n;\n";
    expect(splitCypher(script)).toEqual([
      { text: '// header\nCREATE (a:A)', line: 1 },
      { text: '\n\nMATCH (n)\nRETURN n', line: 2 },
    ]);
  });

  it('ignores semicolons inside strings, escaped quotes, identifiers and comments', () => {
    const script = "RETURN 'a;b', \"c;d\", 'it\\'s;', `odd;name`; // done; really\n/* x; y */ RETURN 1";
    expect(splitCypher(script).map((statement) => statement.text.trim())).toEqual([
      "RETURN 'a;b', \"c;d\", 'it\\'s;', `odd;name`",
      '// done; really\n/* x; y */ RETURN 1',
    ]);
  });

  it('drops statements that are only comments or white space', () => {
    expect(splitCypher('// nothing here;\n  ;\n/* nor; here */')).toEqual([]);
  });

  it('counts lines inside multi-line strings', () => {
    const statements = splitCypher("RETURN 'one\ntwo';\nRETURN 3;");
    expect(statements[1]).toEqual({ text: '\nRETURN 3', line: 2 });
  });

  it('reads an escaped backslash before a closing quote, a `/*/` that stays open, and a string left open, as the lexer does', () => {
    const script = "RETURN 'a\\\\';\nRETURN \"b\\\\\\\";c\";\n/*/ ; */ RETURN 2;\nRETURN 'open; to the end";
    expect(splitCypher(script)).toEqual([
      { text: "RETURN 'a\\\\'", line: 1 },
      { text: '\nRETURN "b\\\\\\";c"', line: 1 },
      { text: '\n/*/ ; */ RETURN 2', line: 2 },
      { text: "\nRETURN 'open; to the end", line: 3 },
    ]);
  });
});

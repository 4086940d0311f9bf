/** Splits a Cypher script into statements on `;` the way cypher-shell does, keeping each statement's first line. */

export interface CypherStatement {
  /** The statement's text, from just after the previous `;` up to (not including) its own `;`. */
  text: string;
  /** 1-based line in the file where `text` begins, so a Neo4j error's line can be mapped back to the file. */
  line: number;
}

type Mode = 'code' | 'single' | 'double' | 'backtick' | 'line-comment' | 'block-comment';

/** True when a piece of script holds nothing but white space and comments. */
function isBlank(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';
}

export function splitCypher(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let mode: Mode = 'code';
  let start = 0;
  let startLine = 1;
  let line = 1;
  for (let i = 0; i < script.length; i++) {
    const char = script[i];
    const next = script[i + 1];
    if (char === '\n') line++;
    switch (mode) {
      case 'code':
        if (char === "'") mode = 'single';
        else if (char === '"') mode = 'double';
        else if (char === '`') mode = 'backtick';
        else if (char === '/' && next === '/') mode = 'line-comment';
        else if (char === '/' && next === '*') mode = 'block-comment';
        else if (char === ';') {
          const text = script.slice(start, i);
          if (!isBlank(text)) statements.push({ text, line: startLine });
          start = i + 1;
          startLine = line;
        }
        break;
      case 'single':
      case 'double':
        if (char === '\\') {
          if (next === '\n') line++;
          i++;
        } else if ((mode === 'single' && char === "'") || (mode === 'double' && char === '"')) mode = 'code';
        break;
      case 'backtick':
        if (char === '`') mode = 'code';
        break;
      case 'line-comment':
        if (char === '\n') mode = 'code';
        break;
      case 'block-comment':
        if (char === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        break;
    }
  }
  const rest = script.slice(start);
  if (!isBlank(rest)) statements.push({ text: rest, line: startLine });
  return statements;
}

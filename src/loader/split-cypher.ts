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

/** What a scan of Cypher text is told of: each character in code, each string literal's opening quote, each comment's first `/`, and every character. */
export interface CypherVisitor {
  code?(index: number): void;
  stringStart?(index: number): void;
  commentStart?(index: number): void;
  any?(index: number): void;
}

/** Reads Cypher text as its lexer does: code, strings (with escapes), `names` and comments, calling the visitor. */
export function scanCypher(text: string, visitor: CypherVisitor): void {
  let mode: Mode = 'code';
  for (let i = 0; i < text.length; i++) {
    visitor.any?.(i);
    const char = text[i];
    const next = text[i + 1];
    switch (mode) {
      case 'code':
        if (char === "'" || char === '"') {
          visitor.stringStart?.(i);
          mode = char === "'" ? 'single' : 'double';
        } else if (char === '`') mode = 'backtick';
        else if (char === '/' && (next === '/' || next === '*')) {
          visitor.commentStart?.(i);
          mode = next === '/' ? 'line-comment' : 'block-comment';
          // The comment's second character opens it: in `/*/`, that `*` does not close it.
          i++;
          visitor.any?.(i);
        }
        else visitor.code?.(i);
        break;
      case 'single':
      case 'double':
        if (char === '\\') {
          // Not visitor.any?.(++i): an optional call without a visitor evaluates no argument.
          i++;
          visitor.any?.(i);
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
          visitor.any?.(i);
        }
        break;
    }
  }
}

export function splitCypher(script: string): CypherStatement[] {
  const statements: CypherStatement[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  scanCypher(script, {
    any: (i) => {
      if (script[i] === '\n') line++;
    },
    code: (i) => {
      if (script[i] !== ';') return;
      const text = script.slice(start, i);
      if (!isBlank(text)) statements.push({ text, line: startLine });
      start = i + 1;
      startLine = line;
    },
  });
  const rest = script.slice(start);
  if (!isBlank(rest)) statements.push({ text: rest, line: startLine });
  return statements;
}

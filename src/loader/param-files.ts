/**
 * Parameters read from files: a Cypher file declares `// @param-file <name> <path>` and its statements use
 * `$<name>`, so a long text (a source document) lives as a plain `.txt` file instead of escaped literals.
 * The path is relative to the Cypher file. cypher-shell gets the same values as `:param` lines.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CypherFileError } from './cypher-file-error.js';

/** One `// @param-file` declaration of a Cypher file. */
export interface ParamFile {
  /** The parameter's name, used as `$name` in the file's statements. */
  name: string;
  /** Absolute path of the file whose text becomes the parameter's value. */
  file: string;
  /** 1-based line of the declaration in the Cypher file. */
  line: number;
}

const declaration = /^\s*\/\/\s*@param-file\s+(\S+)\s+(\S+)\s*$/;
/** A comment that means to declare a parameter file: misspelt, it would leave `$name` unset, and Neo4j would name no line. */
const meantDeclaration = /^\s*\/\/\s*@\s*param/i;

/**
 * The `// @param-file` lines of a Cypher script, in order. A line meant as one but not written as one, and a
 * declared parameter no statement uses (a misspelt name), are CypherFileErrors at that line of `displayName`.
 */
export function findParamFiles(script: string, cypherFile: string, displayName = cypherFile): ParamFile[] {
  const found: ParamFile[] = [];
  script.split('\n').forEach((text, index) => {
    const match = declaration.exec(text);
    if (match) found.push({ name: match[1]!, file: path.resolve(path.dirname(cypherFile), match[2]!), line: index + 1 });
    else if (meantDeclaration.test(text)) {
      throw new CypherFileError(displayName, index + 1, undefined, 'this line is not a parameter-file declaration, which reads `// @param-file <name> <path>` (the path relative to this file)', { sent: false });
    }
  });
  // Most files declare nothing, and need no scan for parameters.
  if (found.length === 0) return found;
  // `$name` or `$\`name\``, comments included: a declaration only needs to be used somewhere.
  const used = new Set([...script.matchAll(/\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)/g)].map((match) => match[1] ?? match[2]!));
  for (const { name, line } of found) {
    if (used.has(name)) continue;
    const uses = used.size ? `the statements use ${[...used].map((other) => `$${other}`).join(', ')}` : 'the statements use no parameter';
    throw new CypherFileError(displayName, line, undefined, `the parameter $${name} is declared here, but no statement uses it (${uses})`, { sent: false });
  }
  return found;
}

/** Reads every declared file as UTF-8 text; a missing file is a CypherFileError at the declaring line of `cypherFile` (the name to show). */
export async function readParamFiles(declarations: ParamFile[], cypherFile: string): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const { name, file, line } of declarations) {
    try {
      values[name] = await readFile(file, 'utf8');
    } catch (error) {
      throw new CypherFileError(cypherFile, line, undefined, `cannot read the file of parameter $${name} (${(error as Error).message})`, { sent: false });
    }
  }
  return values;
}

/** A Cypher string literal cypher-shell accepts on one line. */
export function cypherStringLiteral(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/**
 * The input for one cypher-shell run over the given files: for each file, a `:param` line per declared
 * parameter file, then `:source <path>` (relative to `relativeTo`, the directory cypher-shell runs in).
 */
export async function cypherShellScript(files: string[], relativeTo: string): Promise<string> {
  const lines: string[] = [];
  for (const file of files) {
    const declarations = findParamFiles(await readFile(file, 'utf8'), file, path.relative(relativeTo, file));
    const values = await readParamFiles(declarations, path.relative(relativeTo, file));
    for (const [name, value] of Object.entries(values)) lines.push(`:param {${name}: ${cypherStringLiteral(value)}}`);
    lines.push(`:source ${path.relative(relativeTo, file)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

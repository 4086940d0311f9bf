/** `// @param-file` declarations: found with their lines, and a misspelt one refused at its line before anything is sent. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CypherFileError } from '../src/loader/cypher-file-error.js';
import { findParamFiles } from '../src/loader/param-files.js';

const cypherFile = path.join(path.sep, 'project', 'cypher', '10-wire-source.cypher');
const find = (script: string) => findParamFiles(script, cypherFile, '10-wire-source.cypher');
const refusal = (script: string) => {
  try {
    find(script);
  } catch (error) {
    expect(error).toBeInstanceOf(CypherFileError);
    return (error as Error).message;
  }
  return expect.fail('expected a refusal');
};

describe('findParamFiles', () => {
  it('gives each declaration its name, its path resolved from the Cypher file, and its line', () => {
    expect(find('// The wire report.\n// @param-file sourceText sources/wire.txt\nRETURN $sourceText;\n')).toEqual([
      { name: 'sourceText', file: path.join(path.sep, 'project', 'cypher', 'sources', 'wire.txt'), line: 2 },
    ]);
  });

  it('refuses a line meant as a declaration but not written as one, at that line', () => {
    expect(refusal('// The wire report.\n// @paramfile sourceText sources/wire.txt\nRETURN $sourceText;\n')).toBe(
      '10-wire-source.cypher:2: this line is not a parameter-file declaration, which reads `// @param-file <name> <path>` (the path relative to this file) (nothing of it was sent)',
    );
    expect(refusal('//@Param-File sourceText\nRETURN $sourceText;\n')).toBe(
      '10-wire-source.cypher:1: this line is not a parameter-file declaration, which reads `// @param-file <name> <path>` (the path relative to this file) (nothing of it was sent)',
    );
  });

  it('refuses a declared parameter that no statement uses, naming those they use', () => {
    expect(refusal('// @param-file sourcetext sources/wire.txt\nMERGE (s:Source {id: $id}) SET s.text = $sourceText;\n')).toBe(
      '10-wire-source.cypher:1: the parameter $sourcetext is declared here, but no statement uses it (the statements use $id, $sourceText) (nothing of it was sent)',
    );
    expect(refusal('// @param-file source sources/wire.txt\nRETURN $sourceText;\n')).toBe(
      '10-wire-source.cypher:1: the parameter $source is declared here, but no statement uses it (the statements use $sourceText) (nothing of it was sent)',
    );
  });
});

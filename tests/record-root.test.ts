/** Which folder a load names its files from: the project's cypher/ for anything inside it, else the folder itself. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCypherDirectory, recordRoot } from '../src/loader/load-cypher.js';

describe('recordRoot', () => {
  it("names the files of cypher/, and of any folder inside it, from cypher/", () => {
    expect(recordRoot(defaultCypherDirectory)).toBe(defaultCypherDirectory);
    expect(recordRoot(path.join(defaultCypherDirectory, '50-sources', 'example-2023-01-10'))).toBe(defaultCypherDirectory);
    expect(recordRoot(path.join(defaultCypherDirectory, '..folder-named-with-dots'))).toBe(defaultCypherDirectory);
  });

  it('names the files of any other folder from that folder', () => {
    const sibling = path.join(defaultCypherDirectory, '..', 'cypher-elsewhere');
    expect(recordRoot(sibling)).toBe(sibling);
    expect(recordRoot(path.join(defaultCypherDirectory, '..'))).toBe(path.join(defaultCypherDirectory, '..'));
    expect(recordRoot('/srv/sources')).toBe('/srv/sources');
  });
});

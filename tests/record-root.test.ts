/** How a load names its files: from the project's cypher/ for anything inside it, else from the loaded folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCypherDirectory, recordName, recordRoot } from '../src/loader/load-cypher.js';

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

describe('recordName', () => {
  it("names a file inside cypher/ by its path there, and any other file by its name in its folder", () => {
    expect(recordName(path.join(defaultCypherDirectory, '11-csto-2022-10-13-entities.cypher'))).toBe('11-csto-2022-10-13-entities.cypher');
    expect(recordName(path.join(defaultCypherDirectory, '50-sources', 'example-2023-01-10', '3-facts.cypher'))).toBe('50-sources/example-2023-01-10/3-facts.cypher');
    expect(recordName('/srv/sources/50-synthetic/cluster-00001.cypher')).toBe('cluster-00001.cypher');
    expect(recordName('/srv/sources/50-synthetic/cluster-00001.cypher', '/srv/sources')).toBe('50-synthetic/cluster-00001.cypher');
  });
});

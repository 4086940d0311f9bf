/** The loader when Neo4j is gone (here: nothing listens), as when it dies mid-load: one line naming the file. */
import { afterAll, describe, expect, it } from 'vitest';
import { GraphDatabase } from '../src/database/graph-database.js';
import { CypherFileError } from '../src/loader/cypher-file-error.js';
import { defaultCypherDirectory, loadCypherFile } from '../src/loader/load-cypher.js';

// Port 1 (tcpmux) is closed on any ordinary machine: the connection is refused at once.
const db = new GraphDatabase({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused', log: () => {} });
afterAll(() => db.close());

describe('a load when Neo4j is unreachable', () => {
  it('fails with one CypherFileError line naming the file and its first statement (line 15, after the comments above it)', async () => {
    const error = await loadCypherFile(db, `${defaultCypherDirectory}12-csto-2022-10-13-memberships-offices.cypher`).then(
      () => expect.fail('expected a rejection'),
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(CypherFileError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(
      /^12-csto-2022-10-13-memberships-offices\.cypher:15: Neo4j became unreachable while loading this file \(Neo4j at bolt:\/\/127\.0\.0\.1:1 is unavailable: .*\) \(the file was rolled back; nothing of it was written\)$/,
    );
  });
});

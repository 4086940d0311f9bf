import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, readNeo4jConnection } from '../src/config.js';

describe('configuration', () => {
  it('defaults to the managed local Neo4j and port 4000', () => {
    expect(readConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      neo4j: { kind: 'local', username: 'neo4j', password: undefined, database: 'neo4j' },
      debugCypher: false,
      loadOnStart: true,
      warmUp: true,
    });
  });

  it('honours NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE with every supported scheme', () => {
    for (const uri of ['neo4j://db.example:7687', 'neo4j+s://x.databases.example', 'bolt://127.0.0.1:7687']) {
      expect(readNeo4jConnection({ NEO4J_URI: uri, NEO4J_USERNAME: 'analyst', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'csto' })).toEqual({
        kind: 'external',
        uri,
        username: 'analyst',
        password: 'secret',
        database: 'csto',
      });
    }
  });

  it('refuses a URI with an unknown scheme, or one without a password, in one clear line', () => {
    expect(() => readNeo4jConnection({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      new ConfigError("NEO4J_URI must start with one of neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s://, bolt+ssc://; got 'http://localhost:7474'."),
    );
    expect(() => readNeo4jConnection({ NEO4J_URI: 'bolt://localhost:7687' })).toThrow(/NEO4J_PASSWORD is not/);
  });

  it('rejects a bad PORT and reads flags', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow("PORT must be a port number from 0 to 65535, got 'eighty'.");
    expect(readConfig({ PORT: '0', CSTO_DEBUG_CYPHER: '1', CSTO_LOAD_ON_START: 'off', CSTO_WARM_UP: '0' })).toMatchObject({ port: 0, debugCypher: true, loadOnStart: false, warmUp: false });
  });
});

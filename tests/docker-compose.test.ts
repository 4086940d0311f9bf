import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The file's contract, checked without Docker; scripts/compose-check.sh runs the stack for real (npm run test:docker).
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');

describe('docker-compose.yml', () => {
  it('is valid for docker-compose 1.29 as well as Compose v2: no top-level name', () => {
    expect(Object.keys(compose)).toEqual(['services', 'networks', 'volumes']);
  });

  it('runs Neo4j 5.26 Community with auth, a healthcheck, a named volume and loopback-only ports', () => {
    const neo4j = compose.services.neo4j;
    // The official image unless NEO4J_IMAGE names another, such as csto-graph/neo4j-local:5.26.
    expect(neo4j.image).toBe('${NEO4J_IMAGE:-neo4j:5.26-community}');
    expect(neo4j.environment.NEO4J_AUTH).toBe('neo4j/${NEO4J_PASSWORD:-csto-graph-local}');
    expect(neo4j.healthcheck.test.join(' ')).toContain("'RETURN 1'");
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
    for (const port of neo4j.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it('builds the API from the Dockerfile and wires it to Neo4j by environment variables', () => {
    const api = compose.services.api;
    expect(api.build).toEqual({ context: '.', dockerfile: 'Dockerfile', args: { NODE_IMAGE: '${NODE_IMAGE:-node:20-bookworm-slim}' } });
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment).toMatchObject({
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: '${NEO4J_PASSWORD:-csto-graph-local}',
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '4000',
      CSTO_LOAD_ON_START: '${CSTO_LOAD_ON_START:-1}',
    });
    for (const port of api.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
    expect(api.healthcheck.test.join(' ')).toContain('/ready');
  });

  it('has a Dockerfile that runs the same entry point as npm start', () => {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(packageJson.scripts.start).toBe('MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} exec node --import tsx src/commands/start.ts');
    expect(dockerfile).toMatch(/^ENV MALLOC_ARENA_MAX=2$/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile.match(/^FROM .*/gm)).toEqual(['FROM ${NODE_IMAGE} AS deps', 'FROM ${NODE_IMAGE}']);
    expect(dockerfile).toContain('CMD ["node", "--import", "tsx", "src/commands/start.ts"]');
    expect(packageJson.dependencies.tsx).toBeDefined();
  });

  it('gives the containers no outbound NAT: they talk only to each other and to this machine', () => {
    expect(compose.networks.default.driver_opts).toEqual({ 'com.docker.network.bridge.enable_ip_masquerade': 'false' });
  });
});

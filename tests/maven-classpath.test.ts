/**
 * How the managed Neo4j resolves its jars: the machine's `mvn` fetches the pinned Maven 3.9 once (or the loader
 * fetches it from the repository that Maven names), which then resolves in parallel; when that fetch fails, the
 * machine's `mvn` resolves alone. Maven is a fake on PATH here, which writes down how it was called, and the
 * repository a server on loopback, so that no test needs the network.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveMavenClasspath } from '../src/neo4j/maven-classpath.js';

const originalEnv = { PATH: process.env.PATH, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
let scratch: string;
let calls: string;

/** A shell script that logs `<who>: <its arguments>`, gives `version` to `-v` and, asked for a classpath, writes `/bin/sh` as the whole classpath. */
const fakeMaven = (who: string, onCopy: string, version = 'Apache Maven 3.8.7') => `#!/bin/sh
echo "${who}: $*" >> "${calls}"
case "$*" in
  -v) printf '\\033[1m${version}\\033[m\\n' ;;
  *:copy*) ${onCopy} ;;
  *dependency:build-classpath*)
    out=$(echo "$*" | sed -n 's/.*-Dmdep.outputFile=\\([^ ]*\\).*/\\1/p')
    echo "[INFO] Downloaded from central: a.jar (1 kB)"
    printf '/bin/sh' > "$out" ;;
esac
`;

function install(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

const calledWith = () => readFileSync(calls, 'utf8').trim().split('\n').map((line) => line.replaceAll(scratch, '<scratch>'));
const cache = () => path.join(scratch, 'cache', 'csto-graph');

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'csto-graph-maven-'));
  calls = path.join(scratch, 'calls.txt');
  writeFileSync(calls, '');
  process.env.XDG_CACHE_HOME = path.join(scratch, 'cache');
  process.env.PATH = `${path.join(scratch, 'bin')}:${originalEnv.PATH}`;
});

afterEach(() => {
  process.env.PATH = originalEnv.PATH;
  if (originalEnv.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = originalEnv.XDG_CACHE_HOME;
  rmSync(scratch, { recursive: true, force: true });
});

/** The distribution the fake machine mvn "downloads": a Maven whose mvn is another fake. Returns the archive's path. */
function fakeDistribution(): string {
  const staging = path.join(scratch, 'staging');
  install(path.join(staging, 'apache-maven-3.9.16', 'bin', 'mvn'), fakeMaven('fetched', 'exit 1'));
  const archive = path.join(scratch, 'apache-maven-3.9.16-bin.tar.gz');
  expect(spawnSync('tar', ['-czf', archive, '-C', staging, 'apache-maven-3.9.16']).status).toBe(0);
  return archive;
}

const distributionPath = '/repo/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.tar.gz';

/** A Maven repository on loopback serving `files` (by path); it writes down the paths asked for. */
async function loopbackRepository(files: Record<string, Buffer | string>) {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url!);
    const body = files[request.url!];
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo`;
  return { base, asked, close: () => new Promise((closed) => server.close(closed)) };
}

/** The fake machine mvn's copy: it names the repository as Maven 3.8 does, then `then`. */
const downloadingFrom = (base: string, then: string) =>
  `echo "[INFO] Downloading from central: ${base}/org/apache/maven/plugins/maven-dependency-plugin/2.8/maven-dependency-plugin-2.8.pom"; ${then}`;

const resolve = (cacheName: string, log: string[]) =>
  resolveMavenClasspath({ pom: 'launcher/pom.xml', cacheName, what: 'Test 1.0', properties: { 'test.version': '1.0' }, log: (line) => log.push(line) });

describe('resolveMavenClasspath', () => {
  it('fetches Maven 3.9.16 once with the machine mvn, then resolves with it and the parallel collector', async () => {
    const archive = fakeDistribution();
    install(
      path.join(scratch, 'bin', 'mvn'),
      fakeMaven('machine', `dir=$(echo "$*" | sed -n 's/.*-DoutputDirectory=\\([^ ]*\\).*/\\1/p'); cp "${archive}" "$dir/"; echo "[INFO] Downloaded from central: maven.tar.gz (9 MB)"`),
    );

    const log: string[] = [];
    expect(await resolve('first.txt', log)).toBe('/bin/sh');
    expect(await resolve('second.txt', log)).toBe('/bin/sh');

    const [version, fetch, ...resolutions] = calledWith();
    expect(version).toBe('machine: -v');
    expect(fetch).toMatch(
      /^machine: -B org\.apache\.maven\.plugins:maven-dependency-plugin:2\.8:copy -Dartifact=org\.apache\.maven:apache-maven:3\.9\.16:tar\.gz:bin -DoutputDirectory=<scratch>\/cache\/csto-graph\/maven-fetching-\w+$/,
    );
    expect(resolutions).toEqual(
      ['first', 'second'].map(
        (name) =>
          `fetched: -B -f launcher/pom.xml dependency:build-classpath -Dmdep.outputFile=<scratch>/cache/csto-graph/${name}.txt.${process.pid}.partial ` +
          '-Daether.dependencyCollector.impl=bf -Daether.dependencyCollector.bf.threads=16 -Dmaven.artifact.threads=16 -Dtest.version=1.0',
      ),
    );
    expect(log).toEqual([
      'Fetching Maven 3.9.16, which resolves the jars in parallel (first run only)…',
      'Fetched Maven 3.9.16 (1 file).',
      'Resolving the Test 1.0 jars with Maven, in parallel (first run only)…',
      'Fetched 1 file.',
      'Resolving the Test 1.0 jars with Maven, in parallel (first run only)…',
      'Fetched 1 file.',
    ]);
    // The fetch's scratch folder is gone; the Maven and both classpaths stay.
    expect(readdirSync(cache()).sort()).toEqual(['apache-maven-3.9.16', 'first.txt', 'second.txt']);
  });

  it("resolves with the machine's own mvn in parallel, and fetches nothing, when it is Maven 3.9 or newer", async () => {
    install(path.join(scratch, 'bin', 'mvn'), fakeMaven('machine', 'exit 1', 'Apache Maven 3.9.9 (8e8579a9e76f7d015ee5ec7bfcdc97d260186937)'));

    const log: string[] = [];
    expect(await resolve('classpath.txt', log)).toBe('/bin/sh');

    expect(calledWith()).toEqual([
      'machine: -v',
      `machine: -B -f launcher/pom.xml dependency:build-classpath -Dmdep.outputFile=<scratch>/cache/csto-graph/classpath.txt.${process.pid}.partial ` +
        '-Daether.dependencyCollector.impl=bf -Daether.dependencyCollector.bf.threads=16 -Dmaven.artifact.threads=16 -Dtest.version=1.0',
    ]);
    expect(log).toEqual(['Resolving the Test 1.0 jars with Maven, in parallel (first run only)…', 'Fetched 1 file.']);
  });

  it('resolves with the machine mvn alone, after one line saying why, when Maven 3.9.16 cannot be fetched, and tries only once', async () => {
    install(path.join(scratch, 'bin', 'mvn'), fakeMaven('machine', 'echo "[ERROR] no route to the repository"; exit 1'));

    const log: string[] = [];
    expect(await resolve('classpath.txt', log)).toBe('/bin/sh');
    expect(await resolve('second.txt', log)).toBe('/bin/sh');

    expect(calledWith().map((call) => call.split(' -D')[0])).toEqual([
      'machine: -v',
      'machine: -B org.apache.maven.plugins:maven-dependency-plugin:2.8:copy',
      'machine: -B -f launcher/pom.xml dependency:build-classpath',
      'machine: -B -f launcher/pom.xml dependency:build-classpath',
    ]);
    expect(calledWith()[2]).toBe(`machine: -B -f launcher/pom.xml dependency:build-classpath -Dmdep.outputFile=<scratch>/cache/csto-graph/classpath.txt.${process.pid}.partial -Dtest.version=1.0`);
    expect(log).toEqual([
      'Fetching Maven 3.9.16, which resolves the jars in parallel (first run only)…',
      "Could not fetch Maven 3.9.16, so the machine's mvn resolves the jars, one at a time: Maven could not fetch org.apache.maven:apache-maven:3.9.16:tar.gz:bin (exit code 1): [ERROR] no route to the repository",
      "Resolving the Test 1.0 jars with the machine's Maven, one pom at a time (first run only)…",
      'Fetched 1 file.',
      "Resolving the Test 1.0 jars with the machine's Maven, one pom at a time (first run only)…",
      'Fetched 1 file.',
    ]);
    expect(readdirSync(cache()).sort()).toEqual(['classpath.txt', 'second.txt']);
    expect(existsSync(path.join(cache(), 'apache-maven-3.9.16'))).toBe(false);
  });

  it('fetches Maven 3.9.16 from the repository that the machine mvn names, checked by its SHA-1, and stops that mvn', async () => {
    const archive = readFileSync(fakeDistribution());
    const repository = await loopbackRepository({
      [distributionPath]: archive,
      [`${distributionPath}.sha1`]: createHash('sha1').update(archive).digest('hex'),
    });
    try {
      // Left alone, this mvn would take a minute: the test's 5 s limit fails unless it is stopped.
      install(path.join(scratch, 'bin', 'mvn'), fakeMaven('machine', downloadingFrom(repository.base, 'exec sleep 60')));

      const log: string[] = [];
      expect(await resolve('classpath.txt', log)).toBe('/bin/sh');

      expect(repository.asked).toEqual([`${distributionPath}.sha1`, distributionPath]);
      expect(calledWith().map((call) => call.split(' -D')[0])).toEqual([
        'machine: -v',
        'machine: -B org.apache.maven.plugins:maven-dependency-plugin:2.8:copy',
        'fetched: -B -f launcher/pom.xml dependency:build-classpath',
      ]);
      expect(log).toEqual([
        'Fetching Maven 3.9.16, which resolves the jars in parallel (first run only)…',
        'Fetched Maven 3.9.16 (0.0 MB, from the repository that Maven uses).',
        'Resolving the Test 1.0 jars with Maven, in parallel (first run only)…',
        'Fetched 1 file.',
      ]);
      expect(readdirSync(cache()).sort()).toEqual(['apache-maven-3.9.16', 'classpath.txt']);
    } finally {
      await repository.close();
    }
  });

  it("uses the machine mvn's own copy when the repository's SHA-1 does not match", async () => {
    const archivePath = fakeDistribution();
    const archive = readFileSync(archivePath);
    const repository = await loopbackRepository({ [distributionPath]: archive, [`${distributionPath}.sha1`]: '0'.repeat(40) });
    try {
      const copy = `sleep 0.5; dir=$(echo "$*" | sed -n 's/.*-DoutputDirectory=\\([^ ]*\\).*/\\1/p'); cp "${archivePath}" "$dir/"; echo "[INFO] Downloaded from central: maven.tar.gz (9 MB)"`;
      install(path.join(scratch, 'bin', 'mvn'), fakeMaven('machine', downloadingFrom(repository.base, copy)));

      const log: string[] = [];
      expect(await resolve('classpath.txt', log)).toBe('/bin/sh');

      expect(repository.asked).toEqual([`${distributionPath}.sha1`, distributionPath]);
      expect(log.slice(0, 2)).toEqual(['Fetching Maven 3.9.16, which resolves the jars in parallel (first run only)…', 'Fetched Maven 3.9.16 (1 file).']);
      expect(calledWith()[2]).toMatch(/^fetched: .* -Daether\.dependencyCollector\.impl=bf /);
    } finally {
      await repository.close();
    }
  });
});

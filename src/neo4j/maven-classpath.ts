/**
 * Neo4j's jars from Maven: a pom's dependencies resolved into a classpath, cached in the project's cache folder while
 * every jar it names exists, with Maven 3.9's parallel resolver where it can be had.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { counted } from '../counted.js';
import { firstLine } from '../database/graph-database.js';
import { Neo4jStartError } from './neo4j-errors.js';
import { OutputTail, runProcess } from './run-process.js';

/** The folder where the classpaths and the compiled launcher are cached (jars stay in the local Maven repository). */
export function cacheDirectory(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'csto-graph');
}

export interface MavenClasspathOptions {
  /** The pom whose dependencies make the classpath. */
  pom: string;
  /** Name of the cached classpath file in the cache folder; it must change when the pom's dependencies do. */
  cacheName: string;
  /** What is being resolved, for progress and error lines, e.g. "Neo4j 5.26.30". */
  what: string;
  /** Extra `-D` properties for Maven. Default none. */
  properties?: Record<string, string>;
  /** Progress lines. */
  log: (line: string) => void;
}

/**
 * Resolves a pom's dependencies with Maven into a classpath, cached and reused while every jar it names exists.
 * The first run fetches from Maven Central and reports progress; a failure quotes Maven's own error lines.
 */
export async function resolveMavenClasspath(options: MavenClasspathOptions): Promise<string> {
  const cacheDir = cacheDirectory();
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, options.cacheName);
  if (existsSync(file)) {
    const cached = readFileSync(file, 'utf8').trim();
    if (cached && cached.split(path.delimiter).every((jar) => existsSync(jar))) return cached;
  }
  const parallel = await parallelMaven(cacheDir, options.log);
  options.log(`Resolving the ${options.what} jars with ${parallel ? 'Maven, in parallel' : "the machine's Maven, one pom at a time"} (first run only)…`);
  const partial = `${file}.${process.pid}.partial`;
  const properties = Object.entries(options.properties ?? {}).map(([name, value]) => `-D${name}=${value}`);
  // 16 download threads instead of 5: 12.1 and 13.2 s instead of 16.2 and 17.0 s for Neo4j's jars into an empty repository.
  const collector = parallel ? ['-Daether.dependencyCollector.impl=bf', '-Daether.dependencyCollector.bf.threads=16', '-Dmaven.artifact.threads=16'] : [];
  const run = await runMaven(parallel ?? 'mvn', ['-B', '-f', options.pom, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`, ...collector, ...properties], options.log);
  if (run.code !== 0 || !existsSync(partial)) {
    rmSync(partial, { force: true });
    throw new Neo4jStartError(`Maven could not resolve ${options.what} (exit code ${run.code}). Last output:\n${run.errors}`);
  }
  renameSync(partial, file);
  if (run.downloaded > 0) options.log(`Fetched ${counted(run.downloaded, 'file')}.`);
  return readFileSync(file, 'utf8').trim();
}

/**
 * Maven 3.9's resolver collects a dependency tree with parallel downloads (the `bf` collector); Maven 3.8, Debian's,
 * fetches one pom at a time. Neo4j's classpath into an empty repository here: 69 to 71 s with Maven 3.8.7 (or 3.9
 * with its default collector), 14 to 19 s with 3.9 and `bf`.
 */
const parallelMavenVersion = '3.9.16';

/** Cache folders whose fetch of Maven 3.9 failed in this process: a second resolution (another pom) goes straight to the machine's mvn. */
const unfetchable = new Set<string>();

/**
 * A Maven that resolves in parallel: the machine's own `mvn` when it is 3.9 or newer, else the pinned Maven 3.9, fetched
 * once into the cache folder by the machine's `mvn`, as an artifact of its repositories (so from wherever that Maven is
 * set to fetch), or directly from the repository that Maven names as it starts (fetchChecked), whichever is first.
 * Undefined, after a line saying so, when both fail: the machine's `mvn` then resolves alone, only slower.
 */
async function parallelMaven(cacheDir: string, log: (line: string) => void): Promise<string | undefined> {
  const home = path.join(cacheDir, `apache-maven-${parallelMavenVersion}`);
  const mvn = path.join(home, 'bin', 'mvn');
  if (existsSync(mvn)) return mvn;
  if (unfetchable.has(cacheDir)) return undefined;
  // A machine whose own Maven is 3.9 or newer resolves in parallel already. (`mvn -v` colours its output; the match skips the codes.)
  const machine = /Apache Maven (\d+)\.(\d+)/.exec(spawnSync('mvn', ['-v'], { encoding: 'utf8' }).stdout ?? '');
  if (machine && Number(machine[1]) * 1000 + Number(machine[2]) >= 3009) return 'mvn';
  log(`Fetching Maven ${parallelMavenVersion}, which resolves the jars in parallel (first run only)…`);
  const fetching = mkdtempSync(path.join(cacheDir, 'maven-fetching-'));
  try {
    const artifact = `org.apache.maven:apache-maven:${parallelMavenVersion}:tar.gz:bin`;
    const direct = path.join(fetching, 'direct.tar.gz');
    const maven = new AbortController();
    const fetchingDirectly = new AbortController();
    let directly: Promise<number | undefined> | undefined;
    // The pom's own plugin version, which the classpath's resolution then finds in the repository.
    const fetched = await runMaven('mvn', ['-B', 'org.apache.maven.plugins:maven-dependency-plugin:2.8:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${fetching}`], log, {
      cwd: fetching,
      signal: maven.signal,
      onDownloading: (url) => {
        const repository = /^(.*?)\/org\/apache\/maven\//.exec(url)?.[1];
        if (directly || repository === undefined) return;
        directly = fetchChecked(`${repository}/${distributionPath}`, direct, fetchingDirectly.signal).then(
          (bytes) => {
            maven.abort();
            return bytes;
          },
          () => undefined,
        );
      },
    });
    fetchingDirectly.abort();
    const directBytes = await directly;
    if (directBytes !== undefined) {
      unpackMaven(direct, fetching, mvn, home);
      log(`Fetched Maven ${parallelMavenVersion} (${(directBytes / 1e6).toFixed(1)} MB, from the repository that Maven uses).`);
      return mvn;
    }
    const archive = path.join(fetching, `apache-maven-${parallelMavenVersion}-bin.tar.gz`);
    if (fetched.code !== 0 || !existsSync(archive)) throw new Error(`Maven could not fetch ${artifact} (exit code ${fetched.code}): ${fetched.errors}`);
    unpackMaven(archive, fetching, mvn, home);
    log(`Fetched Maven ${parallelMavenVersion} (${counted(fetched.downloaded, 'file')}).`);
    return mvn;
  } catch (error) {
    if (existsSync(mvn)) return mvn;
    unfetchable.add(cacheDir);
    log(`Could not fetch Maven ${parallelMavenVersion}, so the machine's mvn resolves the jars, one at a time: ${firstLine((error as Error).message)}`);
    return undefined;
  } finally {
    rmSync(fetching, { recursive: true, force: true });
  }
}

/** Where the pinned Maven's distribution lies in a Maven repository. */
const distributionPath = `org/apache/maven/apache-maven/${parallelMavenVersion}/apache-maven-${parallelMavenVersion}-bin.tar.gz`;

/** Unpacks a fetched Maven distribution into `home`, unless another start has put one there first (its copy is as good). */
function unpackMaven(archive: string, fetching: string, mvn: string, home: string): void {
  const unpacked = spawnSync('tar', ['-xzf', archive, '-C', fetching], { encoding: 'utf8' });
  if (unpacked.status !== 0) throw new Error(`tar could not unpack ${path.basename(archive)}: ${firstLine(unpacked.stderr || String(unpacked.error))}`);
  if (!existsSync(mvn)) renameSync(path.join(fetching, `apache-maven-${parallelMavenVersion}`), home);
}

/**
 * Fetches `url` into `file` when the repository's SHA-1 of it (`url.sha1`, which Maven itself checks) matches, and
 * returns its size; throws otherwise. Maven 3.8 fetches the dependency plugin one pom at a time before it copies the
 * distribution (about 27 s); fetched from the repository it names in its first line (a mirror of its settings
 * included), while Maven goes on, it takes a second or two. Through a proxy or a login it fails, and Maven's copy is used.
 */
async function fetchChecked(url: string, file: string, signal: AbortSignal): Promise<number> {
  const within = AbortSignal.any([signal, AbortSignal.timeout(120_000)]);
  const get = async (what: string) => {
    const response = await fetch(what, { signal: within });
    if (!response.ok) throw new Error(`${what}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
  const expected = /^[0-9a-f]{40}/i.exec((await get(`${url}.sha1`)).toString('utf8').trim())?.[0].toLowerCase();
  const body = await get(url);
  if (expected === undefined || createHash('sha1').update(body).digest('hex') !== expected) throw new Error(`${url}: its SHA-1 does not match`);
  writeFileSync(file, body);
  return body.length;
}

/** A Maven run: its exit code (null: it did not start, or `signal` stopped it), the files it downloaded, and its first error paragraph (else its last lines). */
async function runMaven(
  command: string,
  args: string[],
  log: (line: string) => void,
  options: { cwd?: string; signal?: AbortSignal; onDownloading?: (url: string) => void } = {},
): Promise<{ code: number | null; downloaded: number; errors: string }> {
  const tail = new OutputTail();
  let downloaded = 0;
  const onLine = (raw: string) => {
    // Maven 3.8 colours its output even in batch mode; the colour codes would only hide the message.
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    // Maven prefixes these with "[INFO] ".
    const downloading = /\bDownloading from [^:]+: (\S+)/.exec(line);
    if (downloading) options.onDownloading?.(downloading[1]!);
    else if (/\bDownloaded from /.test(line)) downloaded += 1;
    else tail.push(line);
  };
  const progress = setInterval(() => log(`… ${downloaded} files downloaded so far`), 15_000);
  const code = await runProcess(command, args, { onLine, cwd: options.cwd, signal: options.signal }).finally(() => clearInterval(progress));
  // Maven's first [ERROR] paragraph says what failed; the rest is generic advice.
  const errors = tail.lines.filter((line) => line.startsWith('[ERROR]'));
  const cause = errors.slice(0, Math.max(1, errors.indexOf('[ERROR] ')));
  return { code, downloaded, errors: (errors.length ? cause : tail.lines).join('\n') };
}


/**
 * The managed local Neo4j: a real Neo4j Community server, started by the project itself from Maven jars
 * (no Docker, no Neo4j installation) and bound to 127.0.0.1 only.
 *
 * Maven resolves the jars once into the local Maven repository; the classpath and the compiled launcher are
 * cached under `${XDG_CACHE_HOME:-~/.cache}/csto-graph/`. The launcher (launcher/Neo4jLauncher.java) runs the
 * DBMS embedded and exits when this process stops, dies, or closes its stdin.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { counted } from '../counted.js';
import { firstLine } from '../database/graph-database.js';

export interface ManagedNeo4jOptions {
  /** Folder for the database files, Neo4j's logs and the generated password. Default: `.neo4j/data` under the project root (env NEO4J_DATA_DIR, relative to the current directory). */
  dataDir?: string;
  /** Bolt port on 127.0.0.1; 0 picks a free port. Default 7687 (env NEO4J_BOLT_PORT). */
  boltPort?: number;
  /** Password of user `neo4j`. Default: env NEO4J_PASSWORD, else generated on first start and kept in `<dataDir>/password`. */
  password?: string;
  /** JVM heap, e.g. '512m' or '1g'. Default '512m' (env NEO4J_HEAP). */
  heap?: string;
  /** Neo4j page cache, e.g. '256m'. Default '256m' (env NEO4J_PAGECACHE). */
  pageCache?: string;
  /** Neo4j version from Maven Central. Default '5.26.30' (env NEO4J_VERSION). */
  version?: string;
  /** Where progress lines go. Default: console.error with a "[neo4j]" prefix. */
  log?: (line: string) => void;
  /**
   * Java class data sharing: the first start records the classes Neo4j loads into an archive in the cache folder,
   * later starts map it instead of loading and verifying them again (a third less CPU to start here). Default true
   * (env NEO4J_CLASS_DATA_SHARING=0 turns it off).
   */
  classDataSharing?: boolean;
}

export interface ManagedNeo4j {
  /** Bolt URI on 127.0.0.1, with the real port when port 0 was asked for. */
  uri: string;
  username: string;
  password: string;
  /** Process id of the Java process running Neo4j. */
  pid: number;
  /** Shuts Neo4j down cleanly (SIGKILL after 60 s) and resolves once the Java process has exited. */
  stop(): Promise<void>;
  /** Resolves when the Java process has exited: `expected` is false unless stop() was called first. */
  exited: Promise<Neo4jExit>;
  /** The options that start this same Neo4j again: same data folder, port and password. */
  restartOptions: ManagedNeo4jOptions;
}

export interface Neo4jExit {
  expected: boolean;
  /** How it ended, e.g. "SIGKILL" or "exit code 1". */
  how: string;
}

/** Java, javac or Maven is missing: the message is one line naming the alternatives. */
export class Neo4jPrerequisiteError extends Error {
  override name = 'Neo4jPrerequisiteError';
}

/** Neo4j could not be fetched or started; the message says why, with the launcher's last output lines. */
export class Neo4jStartError extends Error {
  override name = 'Neo4jStartError';
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const launcherDir = path.join(projectRoot, 'src', 'neo4j', 'launcher');
const username = 'neo4j';
const minimumJavaVersion = 17;
const startupTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;
const outputTailLines = 25;

export async function startManagedNeo4j(options: ManagedNeo4jOptions = {}): Promise<ManagedNeo4j> {
  const log = options.log ?? ((line: string) => console.error(`[neo4j] ${line}`));
  const settings = readSettings(options);
  const javaVersion = checkPrerequisites();

  const cacheDir = cacheDirectory();
  mkdirSync(settings.dataDir, { recursive: true });
  const classpath = await resolveMavenClasspath({
    pom: path.join(launcherDir, 'pom.xml'),
    cacheName: `classpath-${settings.version}.txt`,
    what: `Neo4j ${settings.version}`,
    properties: { 'neo4j.version': settings.version },
    log,
  });
  const launcher = await compileLauncher(settings.version, classpath, cacheDir, log);
  const fullClasspath = [launcher, classpath].join(path.delimiter);
  const sharing = settings.classDataSharing && launcher.endsWith('.jar') ? classDataSharing(cacheDir, fullClasspath, javaVersion) : undefined;

  log(`Starting Neo4j ${settings.version} (data: ${settings.dataDir}, Bolt port: ${settings.boltPort})…`);
  const startedAt = Date.now();
  // The ~20 kB classpath goes in the environment so `ps` and the launcher's own process checks see a short command line.
  const env: NodeJS.ProcessEnv = { ...process.env, CLASSPATH: fullClasspath };
  if (settings.password === undefined) delete env.NEO4J_PASSWORD;
  else env.NEO4J_PASSWORD = settings.password;
  const args = ['--home', settings.dataDir, '--port', String(settings.boltPort), '--page-cache', settings.pageCache];
  const child = spawn('java', [...jvmFlags(settings.heap), ...(sharing?.flags ?? []), 'Neo4jLauncher', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });
  child.once('exit', () => sharing?.keepArchive());
  const instance = new LauncherProcess(child, log);
  track(instance, true);

  let uri: string;
  try {
    uri = await instance.ready;
  } catch (error) {
    await instance.stop();
    throw error;
  }
  const password = settings.password ?? readFileSync(path.join(settings.dataDir, 'password'), 'utf8').trim();
  try {
    // The driver would retry for 30 s against a launcher that already died; its exit ends the start at once.
    await Promise.race([checkAnswers(uri, password), instance.exited.then(() => Promise.reject(new Error(`the launcher exited (${instance.how})`)))]);
  } catch (error) {
    await instance.stop();
    throw new Neo4jStartError(`Neo4j started at ${uri} but did not answer RETURN 1: ${(error as Error).message}`, { cause: error });
  }
  log(`Neo4j ${settings.version} is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${uri} (user ${username}, password ${password})`);
  return {
    uri,
    username,
    password,
    pid: child.pid!,
    stop: () => {
      // The JVM writes the archive as it exits, which a user waiting on Ctrl-C would otherwise take for a hang.
      if (sharing?.recording) log('Stopping Neo4j: writing its class-data archive first, so that later starts need less CPU (first stop only, up to about 20 s)…');
      return instance.stop();
    },
    exited: instance.exited.then(() => ({ expected: instance.isStopping, how: instance.how })),
    restartOptions: { ...options, dataDir: settings.dataDir, boltPort: Number(new URL(uri).port), password },
  };
}

interface Settings {
  dataDir: string;
  boltPort: number;
  password: string | undefined;
  heap: string;
  pageCache: string;
  version: string;
  classDataSharing: boolean;
}

function readSettings(options: ManagedNeo4jOptions): Settings {
  const env = process.env;
  const dataDir = path.resolve(options.dataDir ?? (env.NEO4J_DATA_DIR || path.join(projectRoot, '.neo4j', 'data')));
  const boltPort = options.boltPort ?? (env.NEO4J_BOLT_PORT ? Number(env.NEO4J_BOLT_PORT) : 7687);
  if (!Number.isInteger(boltPort) || boltPort < 0 || boltPort > 65535) {
    const given = options.boltPort ?? env.NEO4J_BOLT_PORT;
    throw new Neo4jStartError(`The Bolt port must be a number from 0 to 65535 (NEO4J_BOLT_PORT), got '${given}'.`);
  }
  const heap = options.heap ?? (env.NEO4J_HEAP || '512m');
  const pageCache = options.pageCache ?? (env.NEO4J_PAGECACHE || '256m');
  for (const [name, value] of [['heap (NEO4J_HEAP)', heap], ['page cache (NEO4J_PAGECACHE)', pageCache]] as const) {
    if (!/^\d+[kmg]$/i.test(value)) throw new Neo4jStartError(`The ${name} must look like 512m or 1g, got '${value}'.`);
  }
  const version = options.version ?? (env.NEO4J_VERSION || '5.26.30');
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Neo4jStartError(`NEO4J_VERSION must look like 5.26.30, got '${version}'.`);
  const password = options.password ?? (env.NEO4J_PASSWORD || undefined);
  const classDataSharing = options.classDataSharing ?? env.NEO4J_CLASS_DATA_SHARING !== '0';
  return { dataDir, boltPort, password, heap, pageCache, version, classDataSharing };
}

function isOnPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir || '.', command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** `java -version`'s output for each PATH already checked: a restart under load must not block the event loop on a JVM. */
const checkedPrerequisites = new Map<string, string>();

/** Fails fast, in one line, before Maven or the JVM produce pages of confusing output; returns `java -version`'s output. */
function checkPrerequisites(): string {
  const searched = process.env.PATH ?? '';
  const checked = checkedPrerequisites.get(searched) ?? checkPrerequisitesNow();
  checkedPrerequisites.set(searched, checked);
  return checked;
}

function checkPrerequisitesNow(): string {
  const found = { java: isOnPath('java'), javac: isOnPath('javac'), mvn: isOnPath('mvn') };
  const status = Object.entries(found).map(([tool, ok]) => `${tool}: ${ok ? 'found' : 'missing'}`);
  let ok = found.java && found.javac && found.mvn;
  let output = '';
  if (found.java) {
    output = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '';
    const match = /version "(?:1\.)?(\d+)/.exec(output);
    const major = match ? Number(match[1]) : 0;
    if (major < minimumJavaVersion) {
      status[0] = `java: ${match ? `version ${major}` : 'unrecognised version'}`;
      ok = false;
    }
  }
  if (!ok) {
    throw new Neo4jPrerequisiteError(
      `The managed local Neo4j needs a Java ${minimumJavaVersion}+ JDK and Maven on PATH (${status.join(', ')}). ` +
        'Alternatives: set NEO4J_URI to an existing Neo4j, or run `docker compose up neo4j`.',
    );
  }
  return output;
}

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
  const mvn = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.cwd, signal: options.signal });
  const tail: string[] = [];
  let downloaded = 0;
  const remember = (raw: string) => {
    // Maven 3.8 colours its output even in batch mode; the colour codes would only hide the message.
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    // Maven prefixes these with "[INFO] ".
    const downloading = /\bDownloading from [^:]+: (\S+)/.exec(line);
    if (downloading) options.onDownloading?.(downloading[1]!);
    else if (/\bDownloaded from /.test(line)) downloaded += 1;
    else pushTail(tail, line);
  };
  createInterface({ input: mvn.stdout }).on('line', remember);
  createInterface({ input: mvn.stderr }).on('line', remember);
  const progress = setInterval(() => log(`… ${downloaded} files downloaded so far`), 15_000);
  const code = await new Promise<number | null>((resolve) => {
    // An abort also emits 'error', before Maven has exited: only 'close' says it has.
    mvn.on('error', () => mvn.pid === undefined && resolve(null));
    mvn.on('close', resolve);
  }).finally(() => clearInterval(progress));
  // Maven's first [ERROR] paragraph says what failed; the rest is generic advice.
  const errors = tail.filter((line) => line.startsWith('[ERROR]'));
  const cause = errors.slice(0, Math.max(1, errors.indexOf('[ERROR] ')));
  return { code, downloaded, errors: (errors.length ? cause : tail).join('\n') };
}

/**
 * Compiled once per launcher source and Neo4j version: source-file mode would add 1-2 s to every start. Returns
 * the launcher's jar (class data sharing accepts jars only), or its classes folder where `jar` is missing.
 */
async function compileLauncher(version: string, classpath: string, cacheDir: string, log: (line: string) => void): Promise<string> {
  const source = path.join(launcherDir, 'Neo4jLauncher.java');
  const hash = createHash('sha256').update(readFileSync(source)).update(version).update('jar').digest('hex').slice(0, 16);
  const classesDir = path.join(cacheDir, `launcher-${hash}`);
  const jar = path.join(classesDir, 'launcher.jar');
  if (existsSync(path.join(classesDir, 'Neo4jLauncher.class'))) return existsSync(jar) ? jar : classesDir;
  log('Compiling the launcher (once per launcher source and Neo4j version)…');
  const building = mkdtempSync(path.join(cacheDir, 'launcher-building-'));
  const run = async (command: string, args: string[]) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.on('error', () => resolve(null));
      child.on('close', resolve);
    });
    return { code, output };
  };
  const javac = await run('javac', ['-nowarn', '-encoding', 'UTF-8', '-d', building, '-cp', classpath, source]);
  if (javac.code !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Neo4jStartError(`javac could not compile ${source} against Neo4j ${version}:\n${javac.output.trim()}`);
  }
  const classes = readdirSync(building).filter((name) => name.endsWith('.class'));
  // Without a jar the launcher still runs, from its classes folder, only without class data sharing.
  if (isOnPath('jar')) await run('jar', ['--create', '--file', path.join(building, 'launcher.jar'), '-C', building, ...classes]);
  try {
    renameSync(building, classesDir);
  } catch {
    // A concurrent start compiled the same launcher first; its copy is identical.
    rmSync(building, { recursive: true, force: true });
  }
  return existsSync(jar) ? jar : classesDir;
}

/**
 * Java's dynamic class data sharing archive for this exact classpath and JVM: used when it exists, else recorded
 * when this JVM exits (into a file of its own, kept once the JVM is gone). A stale or damaged archive is
 * ignored by the JVM itself (-Xshare:auto), which then starts as without one.
 */
function classDataSharing(cacheDir: string, classpath: string, javaVersion: string): { flags: string[]; recording: boolean; keepArchive: () => void } {
  const key = createHash('sha256').update(classpath).update(javaVersion).digest('hex').slice(0, 16);
  const archive = path.join(cacheDir, `neo4j-classes-${key}.jsa`);
  // Its own warnings (classes it skips) are noise for the user; CDS falls back silently either way.
  const quiet = '-Xlog:cds*=off';
  if (existsSync(archive)) {
    try {
      // Its time marks it as in use, so that pruning keeps it (the JVM only reads it).
      utimesSync(archive, new Date(), new Date());
    } catch {
      // A cache we may not write to still serves the start; pruning then goes by the archive's recording time.
    }
    return { flags: ['-Xshare:auto', quiet, `-XX:SharedArchiveFile=${archive}`], recording: false, keepArchive: () => {} };
  }
  const recording = `${archive}.${process.pid}-${Date.now()}.partial`;
  pruneClassArchives(cacheDir);
  return {
    flags: ['-Xshare:auto', quiet, `-XX:ArchiveClassesAtExit=${recording}`],
    recording: true,
    keepArchive: () => {
      try {
        if (existsSync(recording) && !existsSync(archive)) renameSync(recording, archive);
      } finally {
        rmSync(recording, { force: true });
      }
    },
  };
}

/** Archives kept for other classpaths or JVMs (another Neo4j version, a launcher since changed): the most recently used. */
export const keptClassArchives = 3;

/**
 * Before a new archive is recorded, removes what no start will use, about 120 MB each: recordings whose Node
 * process died before it could keep them, and all but the `keep` most recently used archives (a new classpath or
 * JVM leaves the old one unused).
 */
export function pruneClassArchives(cacheDir: string, keep = keptClassArchives): void {
  const archives: { file: string; used: number }[] = [];
  for (const name of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (/^neo4j-classes-[0-9a-f]+\.jsa$/.test(name)) {
      // Another start may have pruned it since the listing.
      const used = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      if (used !== undefined) archives.push({ file, used });
      continue;
    }
    const pid = /^neo4j-classes-[0-9a-f]+\.jsa\.(\d+)-\d+\.partial$/.exec(name)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(file, { force: true });
  }
  archives.sort((a, b) => b.used - a.used);
  for (const { file } of archives.slice(keep)) rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sized for a small machine: a fixed heap, the serial collector, and Neo4j's own required JVM options. */
function jvmFlags(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseSerialGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
}

async function checkAnswers(uri: string, password: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  try {
    await driver.executeQuery('RETURN 1');
  } finally {
    await driver.close();
  }
}

function pushTail(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > outputTailLines) tail.shift();
}

/** One Java launcher: follows its output protocol and stops it exactly once. */
class LauncherProcess {
  readonly ready: Promise<string>;
  readonly exited: Promise<void>;
  /** How the process ended ("SIGKILL", "exit code 1"), once it has. */
  how = 'still running';
  private readonly tail: string[] = [];
  private isReady = false;
  private hasExited = false;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly child: ChildProcess,
    log: (line: string) => void,
  ) {
    let launcherError: string | undefined;
    let resolveReady!: (uri: string) => void;
    let rejectReady!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    // Rejections are awaited by startManagedNeo4j; this keeps an early exit from being reported as unhandled.
    this.ready.catch(() => {});

    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('NEO4J_READY ')) {
        this.isReady = true;
        resolveReady(line.slice('NEO4J_READY '.length).trim());
      } else if (line.startsWith('NEO4J_ERROR ')) {
        launcherError = line.slice('NEO4J_ERROR '.length);
        if (this.isReady) log(launcherError);
      } else if (line.startsWith('NEO4J_LOG ')) {
        log(line.slice('NEO4J_LOG '.length));
      } else if (line !== 'NEO4J_STOPPED') {
        pushTail(this.tail, line);
      }
    });
    // Neo4j logs to files, so anything on stderr is the JVM's own complaint: keep it, and show it once running.
    createInterface({ input: child.stderr! }).on('line', (line) => {
      pushTail(this.tail, line);
      if (this.isReady) log(line);
    });
    // The pipe breaks when the launcher dies; its exit code and output tell the story instead.
    child.stdin!.on('error', () => {});

    const timeout = setTimeout(() => {
      rejectReady(new Neo4jStartError(`Neo4j did not become ready within ${startupTimeoutMs / 1000} s.${this.describeTail()}`));
    }, startupTimeoutMs);
    this.exited = new Promise((resolve) => {
      const gone = (error: Neo4jStartError) => {
        clearTimeout(timeout);
        this.hasExited = true;
        track(this, false);
        rejectReady(error);
        resolve();
      };
      child.on('error', (error) => gone(new Neo4jStartError(`Could not run java: ${error.message}`)));
      child.on('exit', (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        this.how = how;
        if (this.isReady && !this.stopping) log(`Neo4j (pid ${child.pid}) exited unexpectedly (${how}).${this.describeTail()}`);
        gone(new Neo4jStartError(`${launcherError ?? `The Neo4j launcher exited during start-up (${how}).`}${this.describeTail()}`));
      });
    });
    this.ready.then(() => clearTimeout(timeout), () => clearTimeout(timeout));
  }

  /** EOF on stdin and SIGTERM both make the launcher shut Neo4j down cleanly; SIGKILL only if that hangs. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.hasExited) return;
      this.child.stdin!.end();
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), stopTimeoutMs);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopping;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** For the 'exit' event, where nothing asynchronous runs: the launcher finishes its clean shutdown alone. */
  stopNow(): void {
    if (!this.hasExited) this.child.kill('SIGTERM');
  }

  private describeTail(): string {
    return this.tail.length ? `\nLast launcher output:\n${this.tail.join('\n')}` : '';
  }
}

const running = new Set<LauncherProcess>();

function track(instance: LauncherProcess, isRunning: boolean): void {
  if (isRunning) running.add(instance);
  else running.delete(instance);
  const installed = process.listeners('exit').includes(onExit);
  if (running.size > 0 && !installed) {
    process.on('exit', onExit);
    process.prependListener('SIGINT', onSignal);
    process.prependListener('SIGTERM', onSignal);
  } else if (running.size === 0 && installed) {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function onExit(): void {
  for (const instance of running) instance.stopNow();
}

/**
 * Without this, Ctrl-C or SIGTERM would kill Node at once and leave Neo4j to notice the closed pipe. It acts
 * only when nobody else listens for the signal: then it stops Neo4j and re-raises the signal, so the process
 * still ends with the usual code. Being prepended, it runs before `once` listeners remove themselves.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  void Promise.allSettled([...running].map((instance) => instance.stop())).then(() => {
    // The last exit removed this listener, so the re-raised signal takes its default action.
    process.kill(process.pid, signal);
  });
}

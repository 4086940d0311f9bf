/**
 * The managed local Neo4j: a real Neo4j Community server, started by the project itself from Maven jars
 * (no Docker, no Neo4j installation) and bound to 127.0.0.1 only.
 *
 * Maven resolves the jars once into the local Maven repository (maven-classpath.ts); the classpath, the compiled
 * launcher and its class-data archive (class-data-sharing.ts) are cached under `${XDG_CACHE_HOME:-~/.cache}/csto-graph/`.
 * The launcher (launcher/Neo4jLauncher.java, run by launcher-process.ts) runs the DBMS embedded and exits when this
 * process stops, dies, or closes its stdin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { classDataSharing } from './class-data-sharing.js';
import { LauncherProcess } from './launcher-process.js';
import { cacheDirectory, resolveMavenClasspath } from './maven-classpath.js';
import { Neo4jPrerequisiteError, Neo4jStartError } from './neo4j-errors.js';
import { runProcess } from './run-process.js';

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

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const launcherDir = path.join(projectRoot, 'src', 'neo4j', 'launcher');
const username = 'neo4j';
const minimumJavaVersion = 17;

export async function startManagedNeo4j(options: ManagedNeo4jOptions = {}): Promise<ManagedNeo4j> {
  const log = options.log ?? ((line: string) => console.error(`[neo4j] ${line}`));
  const settings = readSettings(options);
  const javaVersion = checkPrerequisites();

  const cacheDir = cacheDirectory();
  makeDataFolder(settings.dataDir);
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

  const kept = keptPassword(settings.dataDir);
  if (settings.password !== undefined && kept !== undefined && kept !== settings.password) {
    // A mistyped NEO4J_PASSWORD would otherwise change the password without a word.
    log(`NEO4J_PASSWORD is not the password kept in ${keptPasswordFile(settings.dataDir)}: this start sets it as the password; a start without NEO4J_PASSWORD puts the kept one back.`);
  }
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
  let served = false;
  child.once('exit', () => sharing?.keepArchive(served));
  const instance = new LauncherProcess(child, log);

  let uri: string;
  try {
    uri = await instance.ready;
  } catch (error) {
    await instance.stop();
    throw error;
  }
  // The launcher has written it by now, when none was given.
  const password = settings.password ?? keptPassword(settings.dataDir)!;
  try {
    // The driver would retry for 30 s against a launcher that already died; its exit ends the start at once.
    await Promise.race([checkAnswers(uri, password), instance.exited.then(() => Promise.reject(new Error(`the launcher exited (${instance.how})`)))]);
  } catch (error) {
    await instance.stop();
    const log = path.join(settings.dataDir, 'logs', 'debug.log');
    const details = existsSync(log) ? ` (details in ${log})` : '';
    throw new Neo4jStartError(`Neo4j started at ${uri} but did not answer RETURN 1: ${(error as Error).message}${details}`, { cause: error });
  }
  served = true;
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

/** Creates the data folder, or says in one line why it cannot be one. */
function makeDataFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it, or a folder on its path, is a file' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it cannot be created here (no permission)' : message;
    throw new Neo4jStartError(`The data folder ${dataDir} (NEO4J_DATA_DIR) cannot be used: ${why}.`);
  }
}

/**
 * Where the managed Neo4j of these settings (NEO4J_DATA_DIR, NEO4J_BOLT_PORT) answers, and its password: NEO4J_PASSWORD,
 * else the one its data folder keeps (undefined before its first start). For a client of a managed Neo4j started
 * elsewhere (`npm start`), such as cypher-shell.
 */
export function managedNeo4jAddress(env: NodeJS.ProcessEnv = process.env): { uri: string; password: string | undefined; dataDir: string } {
  const settings = readSettings({}, env);
  return { uri: `bolt://127.0.0.1:${settings.boltPort}`, password: settings.password ?? keptPassword(settings.dataDir), dataDir: settings.dataDir };
}

/** Where a data folder keeps the password the launcher generated or was last given. */
const keptPasswordFile = (dataDir: string) => path.join(dataDir, 'password');

/** The password a data folder keeps; undefined before its first start. */
function keptPassword(dataDir: string): string | undefined {
  const file = keptPasswordFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function readSettings(options: ManagedNeo4jOptions, env: NodeJS.ProcessEnv = process.env): Settings {
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
    const lines: string[] = [];
    const code = await runProcess(command, args, { onLine: (line) => lines.push(line) });
    return { code, output: lines.join('\n') };
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

/**
 * Java's class data sharing for the managed Neo4j: the first start records the classes Neo4j loads into an archive
 * in the cache folder, later starts map it instead of loading and verifying them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './run-process.js';

/**
 * Java's dynamic class data sharing archive for this exact classpath and JVM: used when it exists, else recorded
 * when this JVM exits (into a file of its own, kept once the JVM is gone). A stale or damaged archive is
 * ignored by the JVM itself (-Xshare:auto), which then starts as without one.
 */
export function classDataSharing(
  cacheDir: string,
  classpath: string,
  javaVersion: string,
): { flags: string[]; recording: boolean; keepArchive: (served: boolean) => void } {
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
    // Only the recording of a JVM that served Neo4j holds its classes: one that exited early (a refused or failed
    // start) recorded a few, and kept, it would stand for this classpath's archive and slow every later start.
    keepArchive: (served) => {
      try {
        if (served && existsSync(recording) && !existsSync(archive)) renameSync(recording, archive);
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

/**
 * `npm test` must pass in a fresh clone: no source, test, import, CI or Docker file may name a path outside the
 * repository (a sibling folder such as the one the article once came from, or a `../` that climbs above the root).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const folders = ['src', 'tests', 'cypher', '.ci', 'scripts', 'docker'];
const rootFiles = ['Dockerfile', 'docker-compose.yml', 'package.json', 'tsconfig.json', 'vitest.config.ts'];
// Built from parts so that this file does not name them itself.
const siblingFolder = ['..', 'shared'].join('/');
const machinePaths = [['', 'work', ''].join('/'), ['', 'root', ''].join('/')];
const twoUp = ['..', '..'].join('/');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative);
    return [relative];
  });
}

/** Every reference in `text` (the content of repository file `file`) that points outside the repository. */
export function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const depth = path.posix.dirname(file) === '.' ? 0 : path.posix.dirname(file).split('/').length;
  for (const [index, line] of text.split('\n').entries()) {
    const where = `${file}:${index + 1}`;
    // A line may name it only to test that it is absent, as .ci/run does before running in a fresh clone.
    const absenceCheck = `if [ -e ${siblingFolder} ]; then`;
    if (line.includes(siblingFolder) && !line.includes(absenceCheck)) found.push(`${where} names ${siblingFolder}`);
    for (const machinePath of machinePaths) if (line.includes(machinePath)) found.push(`${where} names ${machinePath}`);
    // A run of `..` segments, resolved from the file's own folder, must stay at or below the root.
    for (const match of line.matchAll(/(?<![\w.])\.\.(?:\/\.\.)*(?![\w.])/g)) {
      const ups = match[0].split('/').length;
      if (ups > depth) found.push(`${where} climbs ${ups} levels from a file ${depth} deep: ${match[0]}`);
    }
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('finds outside references of each kind', () => {
    expect(outsideReferences('tests/a.test.ts', `readFileSync(new URL('${siblingFolder}/x.txt', import.meta.url))`)).toEqual([
      `tests/a.test.ts:1 names ${siblingFolder}`,
    ]);
    expect(outsideReferences('tests/a.test.ts', `ok\nnew URL('${twoUp}/x.txt', import.meta.url)`)).toEqual([
      `tests/a.test.ts:2 climbs 2 levels from a file 1 deep: ${twoUp}`,
    ]);
    expect(outsideReferences('.ci/run', `cat ${machinePaths[0]}x`)).toEqual([`.ci/run:1 names ${machinePaths[0]}`]);
    expect(outsideReferences('src/neo4j/x.ts', `new URL('${twoUp}', import.meta.url); cd ..; a...b; ../cypher`)).toEqual([]);
  });

  it('has no file under src/, tests/, cypher/, .ci/, scripts/ or docker/ that refers outside the repository', () => {
    const files = [...folders.flatMap(filesUnder), ...rootFiles.filter((file) => statSync(path.join(root, file), { throwIfNoEntry: false }))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => outsideReferences(file, readFileSync(path.join(root, file), 'utf8')))).toEqual([]);
  });
});

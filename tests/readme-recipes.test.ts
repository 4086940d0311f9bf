/** The README's visualisation recipes are the file the recipe tests run, verbatim. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the README quotes src/explorer/recipes.ts whole', () => {
  const recipes = readFileSync('src/explorer/recipes.ts', 'utf8').trimEnd();
  expect(readFileSync('README.md', 'utf8')).toContain('```ts\n' + recipes + '\n```');
});

/** What the README quotes is what the tests run, verbatim: the visualisation recipes, and GraphiQL's first tab. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { exampleOperations } from '../src/example-operations.js';

it('the README quotes src/explorer/recipes.ts whole', () => {
  const recipes = readFileSync('src/explorer/recipes.ts', 'utf8').trimEnd();
  expect(readFileSync('README.md', 'utf8')).toContain('```ts\n' + recipes + '\n```');
});

it("the README's headline query is GraphiQL's first tab, which the start's warm-up plans", () => {
  const [title, ...body] = exampleOperations[0]!.query.trimEnd().split('\n');
  expect(title).toBe('# Who asked the CSTO for help and was refused, and whose request was granted?');
  expect(readFileSync('README.md', 'utf8')).toContain('the first one is the headline:\n\n```graphql\n' + body.join('\n') + '\n```');
});

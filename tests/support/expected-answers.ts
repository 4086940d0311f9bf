/**
 * The operations whose answers the planner must keep: every GraphiQL tab and every benchmark operation of ours.
 * `npm run answers:capture` (against NEO4J_URI) rewrites tests/fixtures/expected-answers.json; the integration
 * test compares the live API with it.
 */
import { operations } from '../../src/bench/operations.js';
import { exampleOperations } from '../../src/example-operations.js';

export interface SavedOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const savedOperations: SavedOperation[] = [
  ...exampleOperations.map(({ title, query, variables }) => ({ name: `tab: ${title}`, query, variables })),
  ...operations.map(({ name, ours }) => ({ name: `bench: ${name}`, query: ours.query, variables: ours.variables })),
];

export const expectedAnswersFile = new URL('../fixtures/expected-answers.json', import.meta.url);

/** Relay connections with a total count; their pages are planned by src/planner/plan-root.ts. */
import type { BuilderTypes } from '../builder.js';

/** Connection options that add `totalCount`, the number of items over all pages. */
export function countedConnection<Shape>(description: string) {
  return {
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
      totalCount: t.int({
        description: 'How many items match, over all pages.',
        resolve: (connection) => (connection as { totalCount: number }).totalCount,
      }),
    }),
  };
}

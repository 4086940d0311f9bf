/** `npm run schema:print`: writes the SDL to schema/schema.graphql, where it is committed and reviewed. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../schema/index.js';

export const schemaFile = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/** The SDL exactly as committed. */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaFile, printedSchema());
  console.log(`Wrote ${schemaFile}`);
}

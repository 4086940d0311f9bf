/**
 * The stored properties the API reads through an enum, and the values they may take. A value outside its enum fails
 * every query that reads it with an internal error, so the loader refuses a file whose rows give one, before any of
 * it is sent (describeOutsideEnumRows); the model check after the load finds any written some other way.
 */
import type { GraphQLEnumType } from 'graphql';
import type { FileProblem } from './cypher-file-error.js';
import { writtenNode, writtenRelationshipType } from './file-quotes.js';
import { lineOfRow, nameOfRow, type SentStatement, unwoundRows } from './row-keys.js';
import type { AllowedValues } from './validate-model.js';
import { nearestWord } from './vocabulary.js';

/** A stored property the API reads through an enum: on the nodes of a label, or on the relationships of a type. */
export type EnumProperty = ({ label: string } | { relationshipType: string }) & { property: string; enumName: string };

/**
 * Every stored property the API reads through an enum (a test checks this list against the schema's fields). An
 * event's `type` is left to the dyad rules, which name an unknown one.
 */
export const enumProperties: readonly EnumProperty[] = [
  { label: 'Event', property: 'status', enumName: 'EventStatus' },
  { label: 'Event', property: 'outcome', enumName: 'HelpRequestOutcome' },
  { label: 'Event', property: 'responseManner', enumName: 'ResponseManner' },
  { label: 'Event', property: 'datePrecision', enumName: 'DatePrecision' },
  { label: 'Statement', property: 'kind', enumName: 'StatementKind' },
  { label: 'Statement', property: 'datePrecision', enumName: 'DatePrecision' },
  { label: 'Claim', property: 'status', enumName: 'ClaimStatus' },
  { label: 'Organization', property: 'kind', enumName: 'OrganizationKind' },
  { label: 'Place', property: 'kind', enumName: 'PlaceKind' },
  { relationshipType: 'MEMBER_OF', property: 'startPrecision', enumName: 'DatePrecision' },
  { relationshipType: 'MEMBER_OF', property: 'endPrecision', enumName: 'DatePrecision' },
];

const subjectLabel = (entry: EnumProperty) => ('label' in entry ? entry.label : entry.relationshipType);

/** The relationship types among enumProperties' subjects; the other subjects are node labels. */
export const relationshipTypes = new Set(enumProperties.flatMap((entry) => ('relationshipType' in entry ? [entry.relationshipType] : [])));

let allowed: Promise<AllowedValues> | undefined;

/** The values each of those properties may take: the internal values of the API's own enums, so the two cannot drift apart. */
export function allowedValues(): Promise<AllowedValues> {
  allowed ??= (async () => {
    // Loaded only when a file is loaded or checked: the schema is the API's, not the loader's.
    const { schema } = await import('../schema/index.js');
    const values: Record<string, Record<string, string[]>> = {};
    for (const entry of enumProperties) {
      (values[subjectLabel(entry)] ??= {})[entry.property] = (schema.getType(entry.enumName) as GraphQLEnumType).getValues().map((value) => String(value.value));
    }
    return values;
  })();
  return allowed;
}

/**
 * The first row of a file's statements that gives a property the API reads through an enum a value the enum lacks,
 * as the loader's error; undefined when there is none. A row's key is taken as the property of the same name, as
 * the templates write them (`n.status = row.status`), on the node label or relationship type its statement writes.
 */
export function describeOutsideEnumRows(statements: SentStatement[], allowed: AllowedValues): FileProblem | undefined {
  for (const { statement, text, moved } of statements) {
    if (!moved) continue;
    const subject = [...(writtenNode(text, 'MERGE|CREATE')?.labels ?? []), writtenRelationshipType(text)].find((label) => label !== undefined && allowed[label]);
    if (!subject) continue;
    // The statement's own rows: a row's nested maps (its quotes) are not the subject's.
    const [rows] = unwoundRows(text, moved.parameters);
    for (const row of rows?.rows ?? []) {
      for (const [property, values] of Object.entries(allowed[subject]!)) {
        const value = row[property] ?? null;
        if (value === null || values.includes(value as string)) continue;
        const meant = typeof value === 'string' ? nearestWord(value, values) : undefined;
        return {
          line: lineOfRow(statement, row),
          reason:
            `${nameOfRow(row)} gives ${property} ${JSON.stringify(value)}${meant ? ` (did you mean ${meant}?)` : ''}, which is not one of ${values.join(', ')}: ` +
            `the API reads ${subject}.${property} through that enum, so every query that reached it would fail`,
        };
      }
    }
  }
  return undefined;
}

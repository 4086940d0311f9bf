/**
 * The dyad rules of docs/model.md ("Who goes where, per event type"), as data, and a pure check of events against
 * them and of stored values against the API's enums. No database here: check-model.ts reads a loaded graph into
 * EventFacts and ValueFacts and calls validateEvents and validateValues.
 */

/** The labels an event's actor, target or place can carry. */
export type EndpointLabel = 'State' | 'Person' | 'Organization' | 'Place';

/** What one event type requires of its actors, targets and places. */
export interface EventRule {
  /** At least one HAS_ACTOR is required. */
  actor: boolean;
  /** At least one HAS_TARGET is required. */
  target: boolean;
  /** At least one OCCURRED_IN is required. */
  place: boolean;
  /** Labels an actor may carry. Default: State, Person, Organization. */
  actorLabels?: readonly EndpointLabel[];
  /** Labels a target may carry. Default: State, Person, Organization. */
  targetLabels?: readonly EndpointLabel[];
}

const parties: readonly EndpointLabel[] = ['State', 'Person', 'Organization'];

/** The rules per event type; docs/model.md prints the same table in words. */
export const eventRules: Readonly<Record<string, EventRule>> = {
  HELP_REQUEST: { actor: true, target: true, place: true, actorLabels: ['State'], targetLabels: ['Organization', 'State'] },
  HELP_RESPONSE: { actor: true, target: true, place: true, actorLabels: ['Organization', 'State'], targetLabels: ['State'] },
  EXERCISE: { actor: true, target: true, place: true },
  EXERCISE_CANCELLATION: { actor: true, target: true, place: true },
  TREATY_SIGNING: { actor: true, target: true, place: true },
  ACCESSION: { actor: true, target: true, place: false, actorLabels: ['State'], targetLabels: ['Organization'] },
  WITHDRAWAL: { actor: true, target: true, place: false, actorLabels: ['State'], targetLabels: ['Organization'] },
  DEPLOYMENT: { actor: true, target: true, place: true },
  MEETING: { actor: true, target: true, place: true },
  VISIT: { actor: true, target: true, place: true },
  PROTEST: { actor: true, target: true, place: true },
  ARMED_CONFLICT: { actor: true, target: true, place: true },
  INVASION: { actor: true, target: true, place: true },
  SUPPORT: { actor: true, target: true, place: false },
  DISSOLUTION: { actor: true, target: false, place: false, actorLabels: ['State'] },
};

/** One endpoint of an event's HAS_ACTOR, HAS_TARGET or OCCURRED_IN. */
export interface Endpoint {
  id: string;
  label: EndpointLabel;
}

/** What the check needs to know of one event. */
export interface EventFacts {
  id: string;
  type: string;
  actors: Endpoint[];
  targets: Endpoint[];
  places: Endpoint[];
}

/** What breaks a rule: a node by its label and id, or a relationship by its type and edge id. */
export interface Subject {
  /** A node label (`Event`, `Statement` …) or a relationship type (`MEMBER_OF`). */
  label: string;
  /** A node's id, or a relationship's edge id (`armenia-MEMBER_OF->csto#armenia-csto-1992`). */
  id: string;
  /** An event's type, named beside its id. */
  type?: string;
  /** A relationship's own `id` property, by which a file's row names it; absent for a node. */
  relationshipId?: string | null;
}

/** A node or relationship with its stored values of the properties the API reads through an enum. */
export interface ValueFacts extends Subject {
  values: Record<string, unknown>;
}

/** A node or relationship with the values later sources gave differently, kept as disputes (docs/model.md, "Merge rules"). */
export interface DisputedFacts extends Subject {
  disputes: { property: string; value: unknown; sourceId: string }[];
}

/** The values each such property may take, by label or relationship type (the API's enums: check-model.ts reads them from the schema). */
export type AllowedValues = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** Where a node or relationship is defined: the file (and line) of its row. */
export interface Definition {
  file: string;
  line: number;
}

export type ViolationRule =
  | 'UNKNOWN_TYPE'
  | 'ACTOR_REQUIRED'
  | 'TARGET_REQUIRED'
  | 'PLACE_REQUIRED'
  | 'ACTOR_KIND'
  | 'TARGET_KIND'
  | 'PLACE_KIND'
  | 'UNKNOWN_VALUE'
  | 'NO_EVIDENCE'
  | 'NO_NAME';

/** One node or relationship breaking one rule. `file` is null when no loaded file defines it. */
export interface ModelViolation {
  subject: Subject;
  rule: ViolationRule;
  file: string | null;
  line: number | null;
  message: string;
}

const violationOf = (subject: Subject, definition: Definition | undefined, rule: ViolationRule, message: string): ModelViolation => ({
  subject,
  rule,
  file: definition?.file ?? null,
  line: definition?.line ?? null,
  message,
});

/** Every dyad rule an event breaks; an empty list when it keeps them all. */
export function validateEvent(event: EventFacts, definition?: Definition): ModelViolation[] {
  const violation = (rule: ViolationRule, message: string) => violationOf({ label: 'Event', id: event.id, type: event.type }, definition, rule, message);
  const rule = eventRules[event.type];
  if (!rule) return [violation('UNKNOWN_TYPE', `type ${JSON.stringify(event.type)} is not one of ${Object.keys(eventRules).join(', ')}`)];
  const found: ModelViolation[] = [];
  if (rule.actor && event.actors.length === 0) found.push(violation('ACTOR_REQUIRED', `a ${event.type} needs an actor (HAS_ACTOR)`));
  if (rule.target && event.targets.length === 0) found.push(violation('TARGET_REQUIRED', `a ${event.type} needs a target (HAS_TARGET)`));
  if (rule.place && event.places.length === 0) found.push(violation('PLACE_REQUIRED', `a ${event.type} needs a place (OCCURRED_IN)`));
  const wrongKind = (endpoints: Endpoint[], allowed: readonly EndpointLabel[]) => endpoints.filter(({ label }) => !allowed.includes(label));
  for (const actor of wrongKind(event.actors, rule.actorLabels ?? parties)) {
    found.push(violation('ACTOR_KIND', `actor ${actor.id} is a ${actor.label}; a ${event.type}'s actor is a ${(rule.actorLabels ?? parties).join(' or ')}`));
  }
  for (const target of wrongKind(event.targets, rule.targetLabels ?? parties)) {
    found.push(violation('TARGET_KIND', `target ${target.id} is a ${target.label}; a ${event.type}'s target is a ${(rule.targetLabels ?? parties).join(' or ')}`));
  }
  for (const place of wrongKind(event.places, ['Place', 'State'])) {
    found.push(violation('PLACE_KIND', `place ${place.id} is a ${place.label}; a place is a Place or a State`));
  }
  return found;
}

/** Every violation of every event, in the order given; `definitions` maps an event id to where it is defined. */
export function validateEvents(events: EventFacts[], definitions: ReadonlyMap<string, Definition> = new Map()): ModelViolation[] {
  return events.flatMap((event) => validateEvent(event, definitions.get(event.id)));
}

/**
 * Every stored value outside its enum, in the order given: the API reads these properties through an enum, so such a
 * value would fail every query that reads it, with an internal error. An absent value passes.
 */
export function validateValues(subjects: ValueFacts[], allowed: AllowedValues, definitions: ReadonlyMap<string, Definition> = new Map()): ModelViolation[] {
  return subjects.flatMap(({ values: stored, ...subject }) =>
    Object.entries(allowed[subject.label] ?? {}).flatMap(([property, values]) => {
      const value = stored[property] ?? null;
      if (value === null || values.includes(value as string)) return [];
      return [violationOf(subject, definitions.get(definitionKey(subject)), 'UNKNOWN_VALUE', `${property} ${JSON.stringify(value)} is not one of ${values.join(', ')}`)];
    }),
  );
}

/**
 * Every disputed value of a property the API reads through an enum that the enum lacks. The templates keep a later
 * source's differing value as a dispute instead of storing it, so validateValues never sees it: a misspelt
 * `status: 'OCURRED'` for an event already loaded would stand in the graph as another source's word. Each is placed
 * at the first line of `files` that gives the row's id and that value, else where the subject is defined.
 */
export function validateDisputedValues(
  subjects: DisputedFacts[],
  allowed: AllowedValues,
  files: { name: string; text: string }[] = [],
  definitions: ReadonlyMap<string, Definition> = new Map(),
): ModelViolation[] {
  return subjects.flatMap(({ disputes, ...subject }) =>
    disputes.flatMap(({ property, value, sourceId }) => {
      const values = allowed[subject.label]?.[property];
      if (!values || values.includes(value as string)) return [];
      const rowId = subject.relationshipId === undefined ? subject.id : subject.relationshipId;
      const definition = (rowId === null ? undefined : findRow(files, rowId, value)) ?? definitions.get(definitionKey(subject));
      return [violationOf(subject, definition, 'UNKNOWN_VALUE', `${property} ${JSON.stringify(value)}, which source '${sourceId}' gives, is not one of ${values.join(', ')} (the graph keeps it as a dispute of the value first loaded)`)];
    }),
  );
}

/** The first line that gives a row's id and a value, as the templates write them: `id: '<id>'` and `'<value>'`. */
function findRow(files: { name: string; text: string }[], rowId: string, value: unknown): Definition | undefined {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const id = `id: ${quote(rowId)}`;
  const given = quote(String(value));
  for (const { name, text } of files) {
    const index = text.split('\n').findIndex((line) => line.includes(id) && line.includes(given));
    if (index >= 0) return { file: name, line: index + 1 };
  }
  return undefined;
}

/**
 * Every node or relationship with no quote at all: a fact's evidence lists are empty or absent, or a thing has no
 * SOURCED_FROM. Each fact and thing must trace to a sentence of a source (docs/model.md); the quote check judges
 * the quotes there are, and cannot see one that is missing.
 */
export function validateEvidence(subjects: Subject[], definitions: ReadonlyMap<string, Definition> = new Map()): ModelViolation[] {
  return subjects.map((subject) =>
    violationOf(
      subject,
      definitions.get(definitionKey(subject)),
      'NO_EVIDENCE',
      subject.relationshipId === undefined ? 'it has no SOURCED_FROM, so no quote names it' : 'it has no quote: its evidence lists (sourceIds, quotes, quoteStarts, quoteEnds) are empty',
    ),
  );
}

/** Every thing without a name (withoutNameQuery): the API gives every thing's name, as non-null. */
export function validateNames(subjects: Subject[], definitions: ReadonlyMap<string, Definition> = new Map()): ModelViolation[] {
  return subjects.map((subject) =>
    violationOf(subject, definitions.get(definitionKey(subject)), 'NO_NAME', 'it has no name, which the API gives for every thing: every list or answer that reached it would fail'),
  );
}

/** Where a relationship's definition is kept: `#` and its own id, apart from the nodes' ids. */
const relationshipKey = (relationshipId: string) => `#${relationshipId}`;

/** The key of a subject's definition: a node's id, or its relationship key. */
const definitionKey = (subject: Subject): string => (subject.relationshipId === undefined ? subject.id : relationshipKey(subject.relationshipId ?? ''));

/**
 * Where each node and relationship is defined in the given Cypher files: the first `{id: '…'` row (a node row), or
 * the first pattern of an event written in place, `(e:Event {id: '…'`; a relationship row (`{from: …, to: …, id:
 * '…'`) under `#` and its id (relationshipKey). Later files do not move a definition.
 */
export function findDefinitions(files: { name: string; text: string }[]): Map<string, Definition> {
  const quoted = `'((?:[^'\\\\]|\\\\.)*)'`;
  const nodeRow = new RegExp(`^\\s*\\{\\s*id:\\s*${quoted}`);
  const eventInPlace = new RegExp(`\\(\\s*\\w*\\s*:\\s*Event\\b[^{)]*\\{\\s*id:\\s*${quoted}`);
  const relationshipRow = new RegExp(`^\\s*\\{\\s*from:\\s*'(?:[^'\\\\]|\\\\.)*',\\s*to:\\s*'(?:[^'\\\\]|\\\\.)*',\\s*id:\\s*${quoted}`);
  const definitions = new Map<string, Definition>();
  const define = (key: string, definition: Definition) => definitions.has(key) || definitions.set(key, definition);
  for (const { name, text } of files) {
    for (const [index, line] of text.split('\n').entries()) {
      const node = nodeRow.exec(line) ?? eventInPlace.exec(line);
      if (node) define(node[1]!, { file: name, line: index + 1 });
      const relationship = relationshipRow.exec(line);
      if (relationship) define(relationshipKey(relationship[1]!), { file: name, line: index + 1 });
    }
  }
  return definitions;
}

/** One line per violation: `file:line: event <id> (<TYPE>): <message> [RULE]`, `… statement <id>: …`, `… relationship <edge id>: …`. */
export function describeViolation({ subject, file, line, message, rule }: ModelViolation): string {
  // A node or relationship no file defines was left by a file since changed or deleted: the loader never removes what it loaded.
  const where = file === null ? `(no file defines it${removal(subject)})` : `${file}:${line}`;
  const what = subject.relationshipId === undefined ? `${subject.label.toLowerCase()} ${subject.id}${subject.type ? ` (${subject.type})` : ''}` : `relationship ${subject.id}`;
  return `${where}: ${what}: ${message} [${rule}]`;
}

/** The Cypher that removes a subject no file defines any more, when it can be named. */
function removal(subject: Subject): string {
  if (subject.relationshipId === undefined) {
    const variable = subject.label[0]!.toLowerCase();
    return `; remove it with MATCH (${variable}:${subject.label} {id: ${JSON.stringify(subject.id)}}) DETACH DELETE ${variable}`;
  }
  return subject.relationshipId === null ? '' : `; remove it with MATCH ()-[r:${subject.label} {id: ${JSON.stringify(subject.relationshipId)}}]->() DELETE r`;
}

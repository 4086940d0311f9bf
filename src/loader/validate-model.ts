/**
 * The dyad rules of docs/model.md ("Who goes where, per event type"), as data, and a pure check of events against
 * them. No database here: check-model.ts reads a loaded graph into EventFacts and calls validateEvents.
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
  /** Its properties that take one of a list of values (`status`, `outcome` …), as stored; absent ones left out. */
  values?: Record<string, unknown>;
}

/** The values each such property of an event may take (the API's enums: check-model.ts reads them from the schema). */
export type AllowedValues = Readonly<Record<string, readonly string[]>>;

/** Where an event is defined: the file (and line) of its node row. */
export interface Definition {
  file: string;
  line: number;
}

export type ViolationRule = 'UNKNOWN_TYPE' | 'ACTOR_REQUIRED' | 'TARGET_REQUIRED' | 'PLACE_REQUIRED' | 'ACTOR_KIND' | 'TARGET_KIND' | 'PLACE_KIND' | 'UNKNOWN_VALUE';

/** One event breaking one rule. `file` is null when no loaded file defines the event. */
export interface ModelViolation {
  eventId: string;
  eventType: string;
  rule: ViolationRule;
  file: string | null;
  line: number | null;
  message: string;
}

/** Every rule an event breaks; an empty list when it keeps them all. */
export function validateEvent(event: EventFacts, definition?: Definition, allowedValues: AllowedValues = {}): ModelViolation[] {
  const violation = (rule: ViolationRule, message: string): ModelViolation => ({
    eventId: event.id,
    eventType: event.type,
    rule,
    file: definition?.file ?? null,
    line: definition?.line ?? null,
    message,
  });
  // A value the API's enum lacks would fail every query that reads it, with an internal error.
  const found: ModelViolation[] = Object.entries(allowedValues)
    .map(([property, allowed]) => ({ property, allowed, value: event.values?.[property] ?? null }))
    .filter(({ allowed, value }) => value !== null && !allowed.includes(String(value)))
    .map(({ property, allowed, value }) => violation('UNKNOWN_VALUE', `${property} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`));
  const rule = eventRules[event.type];
  if (!rule) return [violation('UNKNOWN_TYPE', `type ${JSON.stringify(event.type)} is not one of ${Object.keys(eventRules).join(', ')}`), ...found];
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
export function validateEvents(events: EventFacts[], definitions: ReadonlyMap<string, Definition> = new Map(), allowedValues: AllowedValues = {}): ModelViolation[] {
  return events.flatMap((event) => validateEvent(event, definitions.get(event.id), allowedValues));
}

/**
 * Where each node id is defined in the given Cypher files: the first `{id: '…'` row (a node row; relationship rows
 * start with `{from:`), or the first pattern of an event written in place, `(e:Event {id: '…'`. Later files do not
 * move a definition.
 */
export function findDefinitions(files: { name: string; text: string }[]): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  for (const { name, text } of files) {
    for (const [index, line] of text.split('\n').entries()) {
      const match = /^\s*\{\s*id:\s*'((?:[^'\\]|\\.)*)'/.exec(line) ?? /\(\s*\w*\s*:\s*Event\b[^{)]*\{\s*id:\s*'((?:[^'\\]|\\.)*)'/.exec(line);
      if (match && !definitions.has(match[1]!)) definitions.set(match[1]!, { file: name, line: index + 1 });
    }
  }
  return definitions;
}

/** One line per violation: `file:line: event <id> (<TYPE>): <message> [RULE]`. */
export function describeViolation(violation: ModelViolation): string {
  // An event no file defines was left by a file since changed or deleted: the loader never removes what it loaded.
  const where =
    violation.file === null
      ? `(no file defines it; remove it with MATCH (e:Event {id: ${JSON.stringify(violation.eventId)}}) DETACH DELETE e)`
      : `${violation.file}:${violation.line}`;
  return `${where}: event ${violation.eventId} (${violation.eventType}): ${violation.message} [${violation.rule}]`;
}

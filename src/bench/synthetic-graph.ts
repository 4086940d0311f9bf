/**
 * A deterministic synthetic graph in the article graph's model, for benchmarks at scale.
 *
 * Scale N is the article plus N - 1 synthetic clusters, each about the article's size: its own Source
 * (generated text), states, alliances and other organisations, people, places, events (help requests
 * with outcomes, responses, conflicts, exercises …), statements and claims, every fact quoted from its
 * Source at real offsets. A cluster also links to the previous cluster and, sparsely, to the article's
 * own entities (`csto`, `russia`, …), so operations on article ids see more work as the scale grows.
 * Cluster c depends only on the seed and c, so the clusters of x100 are the first clusters of x1000.
 */
import { searchKey } from '../schema/shapes.js';
import { createRandom, mixSeed, type Random } from './random.js';

export type SyntheticLabel = 'Source' | 'State' | 'Person' | 'Organization' | 'Place' | 'Event' | 'Statement' | 'Claim';

/** The label a relationship end is found by: entities by `Entity`, whose one constraint covers them all. */
export type LookupLabel = 'Entity' | 'Event' | 'Statement' | 'Claim' | 'Source';

export interface NodeRef {
  label: LookupLabel;
  id: string;
}

export type Properties = Record<string, unknown>;

export interface NodeRow {
  label: SyntheticLabel;
  properties: Properties & { id: string };
}

export interface RelationshipRow {
  type: string;
  from: NodeRef;
  to: NodeRef;
  properties: Properties;
}

export interface SyntheticCluster {
  index: number;
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/** Properties stored as Neo4j `Date`: rows carry them as `YYYY-MM-DD` strings and the loader converts them. */
export const dateProperties: Readonly<Record<string, readonly string[]>> = {
  Source: ['published'],
  Event: ['startDate', 'endDate'],
  Statement: ['date'],
  MEMBER_OF: ['startDate', 'endDate'],
};

/** The seed every benchmark uses unless told otherwise: the article's date. */
export const defaultSeed = 20221013;

/** Per-cluster slots of each kind; ids are `<prefix>-<5 digits>` numbered by cluster and slot. */
const slots = { state: 10, org: 12, person: 18, place: 16, event: 40, statement: 10, claim: 4 } as const;

/** Article entities that synthetic clusters link to; the loader warns when one is missing from `cypher/`. */
export const articleAnchors = {
  alliance: { id: 'csto', name: 'the CSTO' },
  states: [
    { id: 'russia', name: 'Russia' },
    { id: 'armenia', name: 'Armenia' },
    { id: 'kazakhstan', name: 'Kazakhstan' },
    { id: 'kyrgyzstan', name: 'Kyrgyzstan' },
    { id: 'tajikistan', name: 'Tajikistan' },
    { id: 'belarus', name: 'Belarus' },
  ],
} as const;

/** Every this many clusters, one synthetic state joins the article's alliance. */
const anchorMembershipEvery = 10;
/** Chance that a synthetic help request goes to the article's alliance instead of a synthetic one. */
const anchorRequestChance = 0.1;

/** How many synthetic clusters a scale has: x1 is the article alone. */
export function clusterCount(scale: number): number {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number >= 1, got ${scale}`);
  return scale - 1;
}

const pad = (n: number) => String(n).padStart(5, '0');
const syntheticId = (prefix: string, cluster: number, slot: number, perCluster: number) => `${prefix}-${pad((cluster - 1) * perCluster + slot + 1)}`;

// --- names -------------------------------------------------------------------------------------------------

const onsets = ['b', 'd', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'sh', 'ch', 'kh', 'zh', 'br', 'dr', 'tr', 'gr', 'y', ''];
const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'e'];
const codas = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 't'];
const stateEndings = ['ia', 'stan', 'ova', 'land', 'ar', 'eya'];
/** Surnames that recur across clusters, as real ones do, so full-text search has hits at every scale. */
const commonSurnames = ['Tokaev', 'Simonyan', 'Grigoryan', 'Aliyev', 'Ivanova', 'Nurlanov', 'Sadykov', 'Petrosyan'];
const diacritics: [string, string][] = [
  ['sh', 'š'],
  ['ch', 'č'],
  ['zh', 'ž'],
  ['kh', 'h'],
];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function word(rng: Random, syllables: number): string {
  let text = '';
  for (let i = 0; i < syllables; i++) text += rng.pick(onsets) + rng.pick(vowels) + (i === syllables - 1 ? '' : rng.pick(codas));
  return capitalise(text);
}

/** A spelling variant, like the article's Balikča/Balykchy or Tokaev/Tokayev; null when none applies. */
function variant(name: string): string | null {
  for (const [plain, marked] of diacritics) {
    if (name.includes(plain)) return name.replaceAll(plain, marked);
  }
  if (name.endsWith('ev')) return `${name.slice(0, -2)}yev`;
  if (name.includes('i')) return name.replaceAll('i', 'y');
  return null;
}

const acronym = (name: string) =>
  name
    .split(/\s+/)
    .filter((part) => /^[A-Z]/.test(part))
    .map((part) => part[0])
    .join('');

/** A state's name depends only on the seed and its id's number, so a later cluster can name a neighbour. */
function stateName(seed: number, globalIndex: number): string {
  const rng = createRandom(mixSeed(seed ^ 0x5747, globalIndex));
  return word(rng, rng.between(1, 2)) + rng.pick(stateEndings);
}

// --- dates -------------------------------------------------------------------------------------------------

type Precision = 'DAY' | 'MONTH' | 'YEAR';

interface Interval {
  startDate: string;
  endDate: string;
  datePrecision: Precision;
}

const two = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A dated span with its Wikidata-style precision and the phrase the text uses; `day` forces one exact day. */
function interval(rng: Random, fromYear = 1991, toYear = 2022, day = false): Interval & { phrase: string } {
  const year = rng.between(fromYear, toYear);
  const month = rng.between(1, 12);
  const roll = day ? 1 : rng.next();
  if (roll < 0.2) return { startDate: `${year}-01-01`, endDate: `${year}-12-31`, datePrecision: 'YEAR', phrase: `in ${year}` };
  if (roll < 0.5) {
    return {
      startDate: `${year}-${two(month)}-01`,
      endDate: `${year}-${two(month)}-${two(monthEnd(year, month))}`,
      datePrecision: 'MONTH',
      phrase: `in ${monthNames[month - 1]} ${year}`,
    };
  }
  const first = rng.between(1, 28);
  const last = day ? first : Math.min(monthEnd(year, month), first + rng.int(4));
  return {
    startDate: `${year}-${two(month)}-${two(first)}`,
    endDate: `${year}-${two(month)}-${two(last)}`,
    datePrecision: 'DAY',
    phrase: last === first ? `on ${monthNames[month - 1]} ${first}, ${year}` : `from ${monthNames[month - 1]} ${first} to ${last}, ${year}`,
  };
}

// --- the cluster builder -----------------------------------------------------------------------------------

/** Where a fact is stated: a quote of the cluster's Source and its offsets (UTF-16, end exclusive). */
interface Evidence {
  quote: string;
  quoteStart: number;
  quoteEnd: number;
}

interface Named extends NodeRef {
  name: string;
}

type EventType =
  | 'HELP_REQUEST'
  | 'HELP_RESPONSE'
  | 'EXERCISE'
  | 'EXERCISE_CANCELLATION'
  | 'TREATY_SIGNING'
  | 'ACCESSION'
  | 'WITHDRAWAL'
  | 'DEPLOYMENT'
  | 'MEETING'
  | 'VISIT'
  | 'PROTEST'
  | 'ARMED_CONFLICT'
  | 'INVASION'
  | 'SUPPORT'
  | 'DISSOLUTION';

/** CAMEO code and Goldstein score where the type has a usual one. */
const cameo: Partial<Record<EventType, [string, number]>> = {
  HELP_REQUEST: ['0234', 3.4],
  TREATY_SIGNING: ['057', 8.0],
  WITHDRAWAL: ['166', -7.0],
  DEPLOYMENT: ['074', 8.5],
  MEETING: ['040', 1.0],
  VISIT: ['042', 1.9],
  PROTEST: ['141', -6.5],
  ARMED_CONFLICT: ['190', -10.0],
  INVASION: ['192', -9.5],
  SUPPORT: ['051', 3.4],
};

const participantRoles = ['participant', 'host', 'observer', 'mediator', 'supporter', 'delegation head'];

class ClusterBuilder {
  readonly nodes: NodeRow[] = [];
  readonly relationships: RelationshipRow[] = [];
  readonly source: NodeRef;
  private text: string;

  constructor(
    readonly index: number,
    rng: Random,
    headline: string,
  ) {
    this.source = { label: 'Source', id: `source-${pad(index)}` };
    this.text = `${headline}\n`;
    this.nodes.push({
      label: 'Source',
      properties: { id: this.source.id, name: headline, published: interval(rng, 2010, 2022).startDate, language: 'en', text: '' },
    });
  }

  /** Appends a sentence to the source text and returns it as evidence. */
  say(sentence: string, newParagraph = false): Evidence {
    this.text += newParagraph || this.text.endsWith('\n') ? '\n' : ' ';
    const quoteStart = this.text.length;
    this.text += sentence;
    return { quote: sentence, quoteStart, quoteEnd: this.text.length };
  }

  /**
   * Adds a node and one SOURCED_FROM per quote. Entities have aliases (possibly none); entities and events
   * have the search keys that `cypher/90-derived-search-keys.cypher` derives for the article's nodes.
   */
  node(label: Exclude<SyntheticLabel, 'Source'>, properties: Properties & { id: string; name: string; aliases?: string[] }, evidence: Evidence[]): Named {
    const aliases = isEntity(label) ? (properties.aliases ?? []) : null;
    const searchKeys = isEntity(label) || label === 'Event' ? [...new Set([properties.name, ...(aliases ?? [])].map(searchKey))] : null;
    this.nodes.push({ label, properties: { ...properties, aliases, searchKeys } });
    const ref: Named = { label: isEntity(label) ? 'Entity' : (label as LookupLabel), id: properties.id, name: properties.name };
    for (const quote of evidence) this.mention(ref, quote);
    return ref;
  }

  /** One more SOURCED_FROM of a node already added. */
  mention(ref: NodeRef, evidence: Evidence): void {
    this.relationships.push({ type: 'SOURCED_FROM', from: { label: ref.label, id: ref.id }, to: this.source, properties: { ...evidence } });
  }

  /** A fact relationship, carrying its evidence in its own lists (one item here), as docs/model.md has it. */
  link(type: string, from: NodeRef, to: NodeRef, evidence: Evidence, properties: Properties = {}): void {
    const lists = { sourceIds: [this.source.id], quotes: [evidence.quote], quoteStarts: [evidence.quoteStart], quoteEnds: [evidence.quoteEnd] };
    this.relationships.push({ type, from: { label: from.label, id: from.id }, to: { label: to.label, id: to.id }, properties: { ...properties, ...lists } });
  }

  finish(): SyntheticCluster {
    this.nodes[0]!.properties.text = this.text;
    return { index: this.index, nodes: this.nodes, relationships: this.relationships };
  }
}

const isEntity = (label: SyntheticLabel) => label === 'State' || label === 'Person' || label === 'Organization' || label === 'Place';

// --- one cluster -------------------------------------------------------------------------------------------

/** Builds cluster `index` (1-based) from the seed alone. */
export function buildCluster(seed: number, index: number): SyntheticCluster {
  const rng = createRandom(mixSeed(seed, index));
  const id = (prefix: keyof typeof slots, slot: number) => syntheticId(prefix, index, slot, slots[prefix]);
  const allianceNames = [word(rng, 2), word(rng, 2)];
  const b = new ClusterBuilder(index, rng, `Report ${pad(index)}: is the ${allianceNames[0]} Pact falling apart?`);

  // States.
  const states: Named[] = [];
  for (let slot = 0; slot < slots.state; slot++) {
    const name = stateName(seed, (index - 1) * slots.state + slot + 1);
    const historical = slot === slots.state - 1 && rng.chance(0.3);
    const alias = variant(name);
    const aliases = [`Republic of ${name}`, ...(alias ? [alias] : [])];
    const intro = b.say(`${name}${alias ? ` (also ${alias})` : ''} is ${historical ? 'a former' : 'a'} state of the region.`, slot === 0);
    states.push(
      b.node(
        'State',
        { id: id('state', slot), name, aliases, iso3: historical ? null : name.slice(0, 3).toUpperCase(), historical },
        [intro],
      ),
    );
  }
  const previousStates = index > 1 ? Array.from({ length: slots.state }, (_, slot) => {
    const globalIndex = (index - 2) * slots.state + slot + 1;
    return { label: 'Entity' as const, id: `state-${pad(globalIndex)}`, name: stateName(seed, globalIndex) };
  }) : [];
  const otherStates = [...previousStates, ...articleAnchors.states.map((state) => ({ label: 'Entity' as const, ...state }))];

  // Places.
  const places: { ref: Named; kind: string; state: Named }[] = [];
  const placeKinds = ['MACRO_REGION', 'REGION', 'REGION', 'REGION', 'REGION', 'REGION', 'BORDER', 'BORDER', ...Array<string>(8).fill('CITY')];
  for (const [slot, kind] of placeKinds.entries()) {
    const [state, neighbour] = rng.sample(states, 2) as [Named, Named];
    const base = word(rng, rng.between(2, 3));
    const alias = variant(base);
    const name = kind === 'MACRO_REGION' ? `${base} Basin` : kind === 'REGION' ? `${base} region` : kind === 'BORDER' ? `${state.name}-${neighbour.name} border` : base;
    const regions = places.filter((place) => place.kind === 'REGION' && place.state === state);
    const within = kind === 'CITY' && regions.length > 0 && rng.chance(0.6) ? rng.pick(regions).ref : kind === 'MACRO_REGION' ? null : state;
    const intro = b.say(
      within ? `${name}${alias && kind !== 'BORDER' ? ` (${alias})` : ''} lies in ${within.name}.` : `${name} spans several states.`,
      slot === 0,
    );
    const ref = b.node('Place', { id: id('place', slot), name, aliases: alias && kind !== 'BORDER' ? [alias] : [], kind }, [intro]);
    if (within) b.link('LOCATED_IN', ref, within, intro);
    if (kind === 'REGION' && rng.chance(0.3)) {
      const macro = places.find((place) => place.kind === 'MACRO_REGION');
      if (macro) b.link('LOCATED_IN', ref, macro.ref, b.say(`${name} is part of the ${macro.ref.name}.`));
    }
    places.push({ ref, kind, state });
  }
  const cities = places.filter((place) => place.kind === 'CITY').map((place) => place.ref);
  const areas = places.filter((place) => place.kind === 'REGION' || place.kind === 'BORDER').map((place) => place.ref);

  // Organisations.
  const orgKinds = ['ALLIANCE', 'ALLIANCE', 'GOVERNMENT_BODY', 'GOVERNMENT_BODY', 'GOVERNMENT_BODY', 'LEGISLATURE', 'MEDIA', 'MEDIA', 'UNIVERSITY', 'ARMED_GROUP', 'INFORMAL_GROUP', 'INFORMAL_GROUP'];
  const bodies = ['Ministry of Defence', 'Security Council', 'Foreign Ministry'];
  const orgs: { ref: Named; kind: string }[] = [];
  for (const [slot, kind] of orgKinds.entries()) {
    const state = rng.pick(states);
    const city = rng.pick(cities);
    const name =
      kind === 'ALLIANCE' ? `${allianceNames[slot]} ${rng.pick(['Pact', 'Treaty Organization', 'Defence Union'])}`
      : kind === 'GOVERNMENT_BODY' ? `${bodies[slot - 2]} of ${state.name}`
      : kind === 'LEGISLATURE' ? `Parliament of ${state.name}`
      : kind === 'MEDIA' ? `${word(rng, 2)} ${rng.pick(['Television', 'Daily', 'News'])}`
      : kind === 'UNIVERSITY' ? `University of ${city.name}`
      : kind === 'ARMED_GROUP' ? `${word(rng, 2)} Front`
      : rng.pick([`demonstrators in ${city.name}`, `experts on ${state.name}`, 'observers']);
    const short = acronym(name);
    const aliases = short.length > 1 ? [short] : [];
    const partOf = kind === 'GOVERNMENT_BODY' || kind === 'LEGISLATURE';
    const intro = b.say(`${capitalise(name)}${aliases.length ? ` (${short})` : ''} is ${kind === 'ALLIANCE' ? 'a military alliance' : withArticle(kind.toLowerCase().replace('_', ' '))}${partOf ? ` of ${state.name}` : ''}.`, slot === 0);
    const ref = b.node('Organization', { id: id('org', slot), name, aliases, kind, description: intro.quote }, [intro]);
    if (partOf) b.link('PART_OF', ref, state, intro);
    orgs.push({ ref, kind });
  }
  const alliances = orgs.filter((org) => org.kind === 'ALLIANCE').map((org) => org.ref);
  const media = orgs.filter((org) => org.kind === 'MEDIA').map((org) => org.ref);
  const actorsOrgs = orgs.map((org) => org.ref);
  const csto: Named = { label: 'Entity', ...articleAnchors.alliance };

  // Memberships, with intervals; some end, some states join twice (as Uzbekistan did).
  const joinsAnchor = index % anchorMembershipEvery === 0 ? rng.pick(states) : null;
  for (const state of states) {
    const targets = alliances.filter((_, i) => rng.chance(i === 0 ? 0.8 : 0.4));
    if (state === joinsAnchor) targets.push(csto);
    for (const alliance of targets) {
      const rounds = rng.chance(0.05) ? 2 : 1;
      let from = 1991;
      for (let round = 0; round < rounds && from < 2020; round++) {
        const start = interval(rng, from, 2020, rng.chance(0.7));
        const startYear = Number(start.startDate.slice(0, 4));
        const ends = round < rounds - 1 || rng.chance(0.2);
        const end = ends ? interval(rng, startYear + 1, 2022, rng.chance(0.7)) : null;
        const quote = b.say(`${state.name} joined ${alliance.name} ${start.phrase}${end ? ` and left it ${end.phrase}` : ''}.`);
        b.link('MEMBER_OF', state, alliance, quote, {
          id: String(startYear),
          startDate: start.startDate,
          startPrecision: start.datePrecision,
          endDate: end?.endDate ?? null,
          endPrecision: end?.datePrecision ?? null,
        });
        b.mention(state, quote);
        from = Number((end?.endDate ?? '2022').slice(0, 4)) + 1;
      }
    }
  }

  // People, each holding an office.
  const titles = ['President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'Speaker', 'Secretary General', 'Press Secretary', 'Professor', 'Editor', 'Commander'];
  const people: Named[] = [];
  for (let slot = 0; slot < slots.person; slot++) {
    const first = word(rng, rng.between(2, 3));
    const surname = rng.chance(0.15) ? rng.pick(commonSurnames) : word(rng, rng.between(2, 3)) + rng.pick(['ov', 'ev', 'yan', 'enko', 'uly', '']);
    const name = `${first} ${surname}`;
    const alias = variant(surname);
    const title = rng.pick(titles);
    const office = title === 'Secretary General' ? rng.pick(alliances) : title === 'Editor' ? rng.pick(media) : title === 'Professor' ? actorsOrgs[8]! : rng.pick(states);
    const intro = b.say(`${name} is ${title} of ${office.name}.`, slot === 0);
    const ref = b.node('Person', { id: id('person', slot), name, aliases: alias ? [`${first} ${alias}`] : [], description: `${title} of ${office.name}` }, [intro]);
    b.link('HOLDS_OFFICE', ref, office, intro, { id: title.toLowerCase().replace(/\s+/g, '-'), title });
    people.push(ref);
  }
  const actors = [...states, ...people, ...actorsOrgs];

  // Events: causes first, so that requests can be prompted by them.
  const events: (Named & { type: EventType; outcome?: string })[] = [];
  let eventSlot = 0;
  const addEvent = (type: EventType, actor: Named, target: Named | null, extra: Properties = {}, participants: Named[] = [], roles: string[] = []) => {
    const when = interval(rng);
    const place = rng.pick(type === 'ARMED_CONFLICT' || type === 'INVASION' || type === 'EXERCISE' ? areas : cities);
    const pool = actors.filter((candidate) => candidate !== actor && candidate !== target && !participants.includes(candidate));
    const others = rng.sample(pool, rng.between(3, 6) - participants.length);
    const all = [...participants, ...others];
    const name = `${type.toLowerCase().replace(/_/g, ' ')}: ${actor.name}${target ? ` and ${target.name}` : ''}`;
    const sentence = b.say(
      `${capitalise(actor.name)} ${type === 'HELP_REQUEST' ? 'asked' : 'took part in a'} ${type === 'HELP_REQUEST' ? `${target!.name} for help` : `${type.toLowerCase().replace(/_/g, ' ')}${target ? ` with ${target.name}` : ''}`} in ${place.name} ${when.phrase}, together with ${all.map((p) => p.name).join(', ')}.`,
      eventSlot % 8 === 0,
    );
    const [cameoCode, goldstein] = cameo[type] ?? [null, null];
    const { phrase: _phrase, ...dates } = when;
    const ref = b.node(
      'Event',
      { id: id('event', eventSlot++), name, type, cameoCode, goldstein, ...dates, status: type === 'EXERCISE' && rng.chance(0.3) ? 'PLANNED' : 'OCCURRED', ...extra },
      [sentence],
    );
    b.link('HAS_ACTOR', ref, actor, sentence);
    if (target) b.link('HAS_TARGET', ref, target, sentence);
    all.forEach((participant, i) => b.link('HAS_PARTICIPANT', ref, participant, sentence, { role: roles[i] ?? rng.pick(participantRoles) }));
    b.link('OCCURRED_IN', ref, place, sentence);
    const event = { ...ref, type, outcome: extra.outcome as string | undefined };
    events.push(event);
    return { event, sentence };
  };

  const causes = [
    addEvent('ARMED_CONFLICT', rng.pick(states), rng.pick(otherStates)).event,
    ...(['ARMED_CONFLICT', 'ARMED_CONFLICT', 'INVASION'] as const).map((type) => {
      const [attacker, defender] = rng.sample(states, 2);
      return addEvent(type, attacker!, defender!).event;
    }),
    ...[0, 1, 2].map(() => addEvent('PROTEST', actorsOrgs[rng.pick([10, 11])]!, rng.pick(states)).event),
  ];
  for (let request = 0; request < 5; request++) {
    const requester = rng.pick(states);
    const addressee = rng.chance(anchorRequestChance) ? csto : rng.pick(alliances);
    const roll = rng.next();
    const outcome = roll < 0.45 ? 'REFUSED' : roll < 0.85 ? 'GRANTED' : 'PENDING';
    const asker = rng.pick(people);
    const { event } = addEvent('HELP_REQUEST', requester, addressee, { outcome, responseManner: outcome === 'REFUSED' && rng.chance(0.3) ? 'PASSIVE' : 'EXPLICIT' }, [asker], ['requested by']);
    const cause = rng.pick(causes);
    b.link('PROMPTED_BY', event, cause, b.say(`The request followed the ${cause.name}.`));
    if (outcome === 'PENDING') continue;
    const response = addEvent('HELP_RESPONSE', addressee, requester, outcome === 'REFUSED' ? { cameoCode: '1224', goldstein: -4.0 } : { cameoCode: '074', goldstein: 8.5 });
    b.link('RESPONDS_TO', response.event, event, response.sentence);
  }
  const planned: EventType[] = ['EXERCISE', 'EXERCISE', 'EXERCISE', 'EXERCISE', 'EXERCISE_CANCELLATION', 'EXERCISE_CANCELLATION', 'TREATY_SIGNING', 'TREATY_SIGNING', 'ACCESSION', 'ACCESSION', 'WITHDRAWAL', 'WITHDRAWAL', 'DEPLOYMENT', 'DEPLOYMENT', 'VISIT', 'VISIT', 'VISIT', 'MEETING', 'MEETING', 'MEETING', 'MEETING', 'SUPPORT', 'DISSOLUTION'];
  for (const type of planned) {
    const anchorGuest = type === 'TREATY_SIGNING' ? [rng.pick(otherStates)] : [];
    const byAlliance = type === 'EXERCISE' || type === 'DEPLOYMENT';
    const person = type === 'VISIT' || type === 'MEETING' || type === 'SUPPORT';
    const actor = byAlliance ? rng.pick(alliances) : person ? rng.pick(people) : rng.pick(states);
    // Every type but DISSOLUTION has a target (docs/model.md, "Who goes where"): an alliance's exercise, the state it is held with.
    const target =
      type === 'DISSOLUTION' ? null
      : byAlliance || type === 'VISIT' ? rng.pick(states)
      : person ? rng.pick(people.filter((other) => other !== actor))
      : rng.pick(alliances);
    addEvent(type, actor, target, {}, anchorGuest);
  }
  const linkParts = (part: EventType, whole: EventType, count: number) => {
    const parts = events.filter((event) => event.type === part).slice(0, count);
    const wholes = events.filter((event) => event.type === whole);
    for (const event of parts) {
      const parent = rng.pick(wholes);
      b.link('PART_OF_EVENT', event, parent, b.say(`The ${event.name} was part of the ${parent.name}.`));
    }
  };
  linkParts('EXERCISE_CANCELLATION', 'EXERCISE', 2);
  linkParts('MEETING', 'VISIT', 3);

  // Statements: quotes and paraphrases, said by someone, about something.
  const talkedAbout = [...states, ...alliances, ...events, ...cities];
  for (let slot = 0; slot < slots.statement; slot++) {
    const speaker = rng.chance(0.8) ? rng.pick(people) : rng.pick(media);
    const topic = rng.pick(talkedAbout);
    const kind = rng.chance(0.6) ? 'QUOTE' : 'PARAPHRASE';
    const said = `${rng.pick(['We are dissatisfied with', 'There is no future for', 'Nothing has changed in', 'We count on'])} ${topic.name}`;
    const via = rng.chance(0.5) ? rng.pick(media) : null;
    const when = interval(rng, 2015, 2022);
    const sentence = b.say(kind === 'QUOTE' ? `"${said}," said ${speaker.name}${via ? ` on ${via.name}` : ''}.` : `${speaker.name} believes that ${said.charAt(0).toLowerCase()}${said.slice(1)}${via ? `, writes ${via.name}` : ''}.`, slot === 0);
    const ref = b.node(
      'Statement',
      { id: id('statement', slot), name: `${speaker.name} on ${topic.name}`, text: kind === 'QUOTE' ? said : sentence.quote, kind, medium: via?.name ?? null, date: when.startDate, datePrecision: 'DAY' },
      [sentence],
    );
    b.link('SAID_BY', ref, speaker, sentence);
    if (via) b.link('VIA', ref, via, sentence);
    for (const about of new Set([topic, rng.pick(talkedAbout)])) b.link('ABOUT', ref, about, sentence);
    const occasions = events.filter((event) => event.type === 'MEETING' || event.type === 'VISIT');
    if (rng.chance(0.5)) b.link('MADE_AT', ref, rng.pick(occasions), sentence);
  }

  // Claims: assertions the source says lack evidence, justifying an event.
  const justifiable = events.filter((event) => event.type === 'HELP_REQUEST' || event.type === 'DEPLOYMENT' || event.type === 'INVASION');
  for (let slot = 0; slot < slots.claim; slot++) {
    const claimant = rng.chance(0.7) ? rng.pick(people) : rng.pick(actorsOrgs);
    const about = rng.pick(states);
    const justifies = rng.pick(justifiable);
    const text = `${about.name} faces an influx of ${rng.between(2, 40) * 1000} foreign fighters`;
    const sentence = b.say(`${claimant.name} said that ${text}; there was no convincing evidence for this.`, slot === 0);
    const ref = b.node('Claim', { id: id('claim', slot), name: `${claimant.name}: ${text}`, text, status: 'UNSUPPORTED', statusNote: 'The source says there was no convincing evidence.' }, [sentence]);
    b.link('CLAIMED_BY', ref, claimant, sentence);
    b.link('ABOUT', ref, about, sentence);
    b.link('ABOUT', ref, justifies, sentence);
    b.link('JUSTIFIES', ref, justifies, sentence);
  }

  return b.finish();
}

/** The clusters of a scale in order, built one at a time so x1000 never sits in memory whole. */
export function* syntheticClusters(options: SyntheticGraphOptions): Generator<SyntheticCluster> {
  const last = clusterCount(options.scale);
  for (let index = options.firstCluster ?? 1; index <= last; index++) yield buildCluster(options.seed ?? defaultSeed, index);
}

export interface SyntheticGraphOptions {
  /** x1 is the article alone; xN adds N - 1 synthetic clusters. */
  scale: number;
  /** PRNG seed. Default `defaultSeed` (20221013). */
  seed?: number;
  /** First cluster to build, to extend a smaller scale already loaded. Default 1. */
  firstCluster?: number;
}

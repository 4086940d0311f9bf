/// <reference lib="dom" />
/** The explorer page: search, a Cytoscape.js neighbourhood, facts and evidence, the source text, time, paths, export. */
import cytoscape, { type Core, type ElementDefinition, type EdgeSingular, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { toGraphML } from '../graphml.js';
import { mergePaths, neighbourhoodQuery, subgraphSelection, type EvidenceItem, type Subgraph, type SubgraphEdge, type SubgraphNode } from '../subgraph.js';

cytoscape.use(fcose);

const colours: Record<string, string> = {
  STATE: '#1f77b4', ORGANIZATION: '#d62728', PERSON: '#2ca02c', PLACE: '#8c564b', EVENT: '#ff7f0e', STATEMENT: '#9467bd', CLAIM: '#e377c2',
};
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const escapeHtml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** What the URL carries: the centre, the depth, the date. */
const view = { centre: '', depth: 1, date: '', limit: 100 };
let pathFrom: string | undefined;

/** An error of the API, as it answered: the page shows the messages and reads the extensions. */
interface ApiError {
  message: string;
  extensions?: { code?: string; argument?: string; nearest?: string[] };
}

/** The API's errors, all in the message; `errors` keeps them whole. */
class ApiErrors extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: ApiError[] };
  if (body.errors?.length) throw new ApiErrors(body.errors);
  return body.data!;
}

/** A pale ground under each label, so that the lines it lies across (its own edge's included) do not strike it through. */
const labelBackground = { 'text-background-color': '#fff', 'text-background-opacity': 0.75, 'text-background-padding': '1px' } as const;

const cy: Core = cytoscape({
  container: $('graph'),
  style: [
    { selector: 'node', style: { 'background-color': (node: NodeSingular) => colours[node.data('kind')] ?? '#999', label: 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis', 'text-max-width': '120px', width: 18, height: 18, ...labelBackground } },
    { selector: 'node.centre', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#000' } },
    // Bezier curves draw parallel edges apart; arrows show the direction. Edge labels show once zoomed in, where they can be read.
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#aaa', 'target-arrow-color': '#aaa', label: 'data(label)', 'font-size': 7, color: '#555', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 6, ...labelBackground } },
    // In a busy picture, an edge's type shows when one of its ends is hovered or selected.
    { selector: 'edge.unlabelled', style: { label: '' } },
    { selector: 'edge.unlabelled.near, edge.unlabelled:selected', style: { label: 'data(label)' } },
    { selector: '.out-of-time', style: { opacity: 0.15, 'line-style': 'dashed' } },
    { selector: '.on-path', style: { 'line-color': '#e6a100', 'target-arrow-color': '#e6a100', width: 4 } },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f0b400', 'line-color': '#f0b400', 'target-arrow-color': '#f0b400' } },
  ],
});
(window as unknown as { cstoExplorer: unknown }).cstoExplorer = { cy, view };

$('kinds').innerHTML = Object.entries(colours).map(([kind, colour]) => `<span><i style="background:${colour}"></i>${kind.toLowerCase()}</span> `).join('');

/**
 * An event's or a statement's year leads its label: names such as "Kyrgyzstan asks the CSTO for help" recur across
 * years, and the ellipsis of a long label would cut a year at its end.
 */
function labelOf(node: SubgraphNode): string {
  const date = node.properties?.startDate ?? node.properties?.date;
  return typeof date === 'string' ? `${date.slice(0, 4)} · ${node.name}` : node.name;
}

function elements(subgraph: Subgraph): ElementDefinition[] {
  return [
    ...subgraph.nodes.map((node: SubgraphNode) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: labelOf(node), name: node.name, kind: node.kind, properties: node.properties ?? {} },
    })),
    ...subgraph.edges.map((edge: SubgraphEdge) => ({
      group: 'edges' as const,
      data: { id: edge.id, source: edge.source, target: edge.target, label: edge.type, type: edge.type, properties: edge.properties ?? {}, evidence: edge.evidence ?? [] },
    })),
  ];
}

/** Above this many edges on screen, edge labels show only around the hovered or selected node. */
const busyEdges = 40;

/** Adds what is not on screen yet; edges only once both ends are there. */
function add(subgraph: Subgraph) {
  const fresh = elements(subgraph).filter((element) => cy.getElementById(element.data.id!).empty());
  const added = cy.add(fresh.filter((element) => element.group === 'nodes'));
  cy.add(fresh.filter((element) => element.group === 'edges' && cy.getElementById(element.data.source).nonempty() && cy.getElementById(element.data.target).nonempty()));
  placeAround(added);
  cy.edges().toggleClass('unlabelled', cy.edges().length > busyEdges);
  applyDate();
  // Not randomized, so that what was on screen stays where it was; the new nodes start where placeAround put them.
  // Labels count as part of a node's size, so that fcose spaces long names apart instead of overlapping them.
  cy.layout({ name: 'fcose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions).run();
}

/**
 * New nodes on a circle around a neighbour already on screen (or the origin): fcose without randomizing starts from
 * these positions, and from one shared point it would draw every node on one line.
 */
function placeAround(added: NodeCollection) {
  added.forEach((node, index) => {
    const anchor: NodeSingular | undefined = node.neighborhood('node').difference(added).nodes()[0];
    const { x, y } = anchor ? anchor.position() : { x: 0, y: 0 };
    const angle = (2 * Math.PI * index) / added.length;
    node.position({ x: x + 80 * Math.cos(angle), y: y + 80 * Math.sin(angle) });
  });
}

const neighbourhood = (id: string, depth: number, limit: number) =>
  graphql<{ neighbourhood: Subgraph }>(neighbourhoodQuery, { id, depth, limit }).then((data) => data.neighbourhood);

let centreRequests = 0;

async function showCentre() {
  const request = ++centreRequests;
  const subgraph = await neighbourhood(view.centre, view.depth, view.limit);
  // The latest choice (a search, a depth) wins, whichever answer arrives first.
  if (request !== centreRequests) return;
  cy.elements().remove();
  add(subgraph);
  const centre = cy.getElementById(subgraph.nodes[0]!.id).addClass('centre');
  view.centre = centre.id();
  $('more').hidden = !subgraph.truncated;
  updateLinks();
  // The side panel describes the centre until something else is clicked.
  await showNode(centre);
}

/** Greys memberships and offices not yet begun or already ended at the chosen date (dates compare as YYYY-MM-DD). */
function applyDate() {
  cy.edges().forEach((edge) => {
    const { startDate, endDate } = edge.data('properties') as { startDate?: string; endDate?: string };
    const out = Boolean(view.date) && ((startDate != null && startDate > view.date) || (endDate != null && endDate < view.date));
    edge.toggleClass('out-of-time', out);
  });
}

function updateLinks() {
  const params = new URLSearchParams({ centre: view.centre, depth: String(view.depth) });
  if (view.date) params.set('date', view.date);
  history.replaceState(null, '', `/explore?${params}`);
  ($('share') as HTMLAnchorElement).href = location.href;
  // GraphiQL takes a query from its URL but no variables, so the values are written into the query.
  const query = neighbourhoodQuery
    .replace('query Neighbourhood($id: ID!, $depth: Int, $limit: Int)', 'query Neighbourhood')
    .replace('id: $id, depth: $depth, limit: $limit', `id: ${JSON.stringify(view.centre)}, depth: ${view.depth}, limit: ${view.limit}`);
  ($('graphiql') as HTMLAnchorElement).href = `/graphql?${new URLSearchParams({ query })}`;
}

const dl = (facts: [string, unknown][]) =>
  `<dl>${facts.filter(([, value]) => value != null && value !== '').map(([name, value]) => `<dt>${name}</dt><dd>${escapeHtml(String(value))}</dd>`).join('')}</dl>`;

/** Quotes as clickable blocks; a click opens the source at the quote. */
function evidenceHtml(items: EvidenceItem[]) {
  if (!items.length) return '<p class="muted">No evidence recorded.</p>';
  return items.map((item) => `<blockquote class="evidence" data-source="${escapeHtml(item.source.slug)}" data-start="${item.start}" data-end="${item.end}" title="Open in the source">${escapeHtml(item.quote)}</blockquote>`).join('');
}

const dated = (date: unknown, precision: unknown) => (date ? `${date}${precision ? ` (${String(precision).toLowerCase()})` : ''}` : undefined);

/** Each writer of the side panel takes a turn; a node's details that arrive after a later turn are dropped. */
let panelTurns = 0;

/** A new turn of the side panel: the quote open in the source pane was the last subject's, so it closes. */
function takePanelTurn(): number {
  $('source').replaceChildren();
  return ++panelTurns;
}

async function showNode(node: NodeSingular) {
  const turn = takePanelTurn();
  const panel = $('panel');
  panel.innerHTML = `<h3>${escapeHtml(node.data('name'))}</h3><p class="muted">loading…</p>`;
  const { thing } = await graphql<{ thing: Record<string, unknown> & { evidence: EvidenceItem[] } }>(
    `query Thing($id: ID!) { thing(id: $id) { id kind name description evidence { quote start end source { slug } }
      ... on Event { eventType status startDate endDate datePrecision cameoCode goldstein outcome responseManner }
      ... on Statement { statementKind text date datePrecision medium } ... on Claim { text claimStatus: status statusNote } } }`,
    { id: node.id() },
  );
  // The latest click wins, whichever answer arrives first.
  if (turn !== panelTurns) return;
  panel.innerHTML = `<h3>${escapeHtml(String(thing.name))}</h3>${dl([
    ['kind', String(thing.kind).toLowerCase()], ['id', thing.id], ['description', thing.description], ['event type', thing.eventType], ['status', thing.status ?? thing.claimStatus],
    ['dates', thing.startDate ? `${dated(thing.startDate, thing.datePrecision)} – ${thing.endDate}` : dated(thing.date, thing.datePrecision)],
    ['CAMEO code', thing.cameoCode], ['Goldstein', thing.goldstein], ['outcome', thing.outcome], ['response', thing.responseManner],
    ['statement', thing.statementKind], ['text', thing.text], ['medium', thing.medium], ['note', thing.statusNote],
  ])}<h4>Evidence</h4>${evidenceHtml(thing.evidence)}`;
}

function showEdge(edge: EdgeSingular) {
  takePanelTurn();
  const p = edge.data('properties') as Record<string, unknown>;
  const inForce = view.date && (p.startDate || p.endDate) ? (edge.hasClass('out-of-time') ? 'no' : 'yes') : undefined;
  $('panel').innerHTML = `<h3>${escapeHtml(edge.data('type'))}</h3>${dl([
    ['from', edge.source().data('label')], ['to', edge.target().data('label')], ['id', edge.id()],
    ['start', dated(p.startDate, p.startPrecision)], ['end', dated(p.endDate, p.endPrecision)], [`in force on ${view.date}`, inForce], ['role', p.role], ['title', p.title],
  ])}<h4>Evidence</h4>${evidenceHtml(edge.data('evidence'))}`;
}

const sourceTexts = new Map<string, Promise<{ name: string; text: string }>>();

/** Shows the source text with the quote highlighted by its offsets, scrolled into view. */
async function openQuote(slug: string, start: number, end: number) {
  if (!sourceTexts.has(slug)) {
    sourceTexts.set(slug, graphql<{ node: { name: string; text: string } }>(`query Source($id: ID!) { node(id: $id) { ... on Source { name text } } }`, { id: `Source:${slug}` }).then((data) => data.node));
  }
  const { name, text } = await sourceTexts.get(slug)!;
  const source = $('source');
  source.innerHTML = `<strong>${escapeHtml(name)}</strong>\n\n${escapeHtml(text.slice(0, start))}<mark id="quote">${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end))}`;
  $('quote').scrollIntoView({ block: 'center' });
}

/** The API's most hops: a path between two people of the article often takes four. */
const pathHops = 4;

async function showPaths(from: string, to: string) {
  takePanelTurn();
  const { paths } = await graphql<{ paths: Subgraph[] }>(`query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: ${pathHops}, first: 10) { ${subgraphSelection} } }`, { from, to });
  add(mergePaths(paths));
  cy.elements().removeClass('on-path');
  const items = paths.map((path, index) => {
    path.edges.forEach((edge) => cy.getElementById(edge.id).addClass('on-path'));
    const steps = path.edges.map((edge) => `<div>${escapeHtml(edge.type)}: ${escapeHtml(cy.getElementById(edge.source).data('label'))} → ${escapeHtml(cy.getElementById(edge.target).data('label'))}</div>${evidenceHtml(edge.evidence ?? [])}`).join('');
    return `<li><strong>Path ${index + 1}</strong> (${path.edges.length} edges)${steps}</li>`;
  });
  $('panel').innerHTML = `<h3>Paths</h3><ol class="paths">${items.join('') || `<li>No path within ${pathHops} hops.</li>`}</ol>`;
}

function download(name: string, content: Blob | string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** What is on screen, as the API's `{ nodes, edges }`. */
const onScreen = (): Subgraph => ({
  nodes: cy.nodes().map((node) => ({ id: node.id(), name: node.data('name'), kind: node.data('kind'), properties: node.data('properties') })),
  edges: cy.edges().map((edge) => ({ id: edge.id(), source: edge.data('source'), target: edge.data('target'), type: edge.data('type'), properties: edge.data('properties'), evidence: edge.data('evidence') })),
});

/** Every thing of every list, and, from each thing not yet reached, its neighbourhood at the API's largest depth and limit. */
async function wholeGraph(): Promise<Subgraph> {
  // One list per request, each well within the cost budget.
  const ids: string[] = [];
  for (const field of ['states', 'people', 'organizations', 'places', 'events', 'statements']) {
    const data = await graphql<Record<string, { edges: { node: { id: string } }[] }>>(`{ ${field}(first: 100) { edges { node { id } } } }`);
    ids.push(...data[field]!.edges.map((edge) => edge.node.id));
  }
  ids.push(...(await graphql<{ claims: { id: string }[] }>('{ claims { id } }')).claims.map((claim) => claim.id));
  const reached = new Set<string>();
  const parts: Subgraph[] = [];
  for (const id of ids) {
    if (reached.has(id)) continue;
    const part = await neighbourhood(id, 4, 500);
    for (const node of part.nodes) reached.add(node.id);
    parts.push(part);
  }
  return mergePaths(parts);
}

async function exportAs(choice: string) {
  const base = view.centre.replace(/[^A-Za-z0-9_-]+/g, '_');
  if (choice === 'screen.png') return download(`${base}.png`, cy.png({ full: true, output: 'blob', bg: '#fff', scale: 2 }) as unknown as Blob, 'image/png');
  const subgraph = choice.startsWith('whole') ? await wholeGraph() : onScreen();
  const name = `${base}-${choice.split('.')[0]}`;
  if (choice.endsWith('graphml')) download(`${name}.graphml`, toGraphML(subgraph), 'application/graphml+xml');
  else download(`${name}.cyjs`, JSON.stringify(choice.startsWith('whole') ? { elements: elements(subgraph) } : cy.json(), null, 1), 'application/json');
}

type Hit = { id: string; name: string; kind: string };

/** Things to pick from, as buttons; the first becomes the centre. */
function showHits(things: Hit[], none: string) {
  $('hits').innerHTML = things.map((thing) => `<li><button type="button" data-id="${escapeHtml(thing.id)}">${escapeHtml(thing.name)} <span class="muted">${thing.kind.toLowerCase()}</span></button></li>`).join('') || `<li class="muted">${escapeHtml(none)}</li>`;
  if (!things[0]) return;
  view.centre = things[0].id;
  return showCentre();
}

const report = (error: unknown) => ($('panel').innerHTML = `<p role="alert">${escapeHtml((error as Error).message)}</p>`);

/** A centre from the address bar that names nothing: said in the page's words, with the API's nearest matches to pick from. */
function reportCentre(error: unknown) {
  const unknown = error instanceof ApiErrors ? error.errors.find(({ extensions }) => extensions?.code === 'NOT_FOUND' && extensions.argument === 'id') : undefined;
  if (!unknown) return report(error);
  const nearest = unknown.extensions?.nearest ?? [];
  $('panel').innerHTML = `<p role="alert">No thing has the id, name or alias '${escapeHtml(view.centre)}'${nearest.length ? '; the nearest are listed under the search box' : ''}. Search finds things by any word.</p>`;
  $('hits').innerHTML = nearest.map((id) => `<li><button type="button" data-id="${escapeHtml(id)}">${escapeHtml(id)}</button></li>`).join('');
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = ($('search') as HTMLInputElement).value.trim();
  if (!query) return;
  graphql<{ search: { thing: Hit }[] }>(`query Search($query: String!) { search(query: $query, first: 8) { thing { id name kind } } }`, { query })
    .then(({ search }) => showHits(search.map(({ thing }) => thing), 'no match'))
    .catch(report);
});
$('hits').addEventListener('click', (event) => {
  const id = (event.target as HTMLElement).closest('button')?.dataset.id;
  if (id) (view.centre = id), showCentre().catch(report);
});
$('depth').addEventListener('change', () => {
  view.depth = Number(($('depth') as HTMLSelectElement).value);
  if (view.centre) showCentre().catch(report);
});
$('date').addEventListener('change', () => {
  view.date = ($('date') as HTMLInputElement).value;
  applyDate();
  updateLinks();
  const selected = cy.$(':selected');
  if (selected.isEdge()) showEdge(selected);
});
$('more').addEventListener('click', () => {
  view.limit += 100;
  showCentre().catch(report);
});
$('panel').addEventListener('click', (event) => {
  const quote = (event.target as HTMLElement).closest<HTMLElement>('blockquote.evidence');
  if (quote) openQuote(quote.dataset.source!, Number(quote.dataset.start), Number(quote.dataset.end)).catch(report);
});
$('path-from').addEventListener('click', () => {
  pathFrom = cy.$('node:selected').id();
  ($('path-to') as HTMLButtonElement).textContent = `Paths from ${cy.getElementById(pathFrom).data('label')} to selected`;
  updatePathButtons();
});
$('path-to').addEventListener('click', () => {
  const to = cy.$('node:selected').id();
  if (pathFrom && to) showPaths(pathFrom, to).catch(report);
});
$('export').addEventListener('change', () => {
  const select = $('export') as HTMLSelectElement;
  exportAs(select.value).catch(report);
  select.value = '';
});

function updatePathButtons() {
  const selected = cy.$('node:selected').nonempty();
  ($('path-from') as HTMLButtonElement).disabled = !selected;
  ($('path-to') as HTMLButtonElement).disabled = !selected || !pathFrom;
}
cy.on('select unselect', 'node', updatePathButtons);
cy.on('select mouseover', 'node', (event) => (event.target as NodeSingular).connectedEdges().addClass('near'));
cy.on('unselect mouseout', 'node', (event) => {
  const node = event.target as NodeSingular;
  if (!node.selected()) node.connectedEdges().removeClass('near');
});
cy.on('tap', 'node', (event) => {
  const node = event.target as NodeSingular;
  showNode(node).catch(report);
  // Expand: the node's own neighbours join the picture.
  neighbourhood(node.id(), 1, 50).then(add).catch(report);
});
cy.on('dbltap', 'node', (event) => {
  view.centre = (event.target as NodeSingular).id();
  showCentre().catch(report);
});
cy.on('tap', 'edge', (event) => showEdge(event.target as EdgeSingular));

// A shared link opens on its centre, depth and date.
const params = new URLSearchParams(location.search);
view.depth = Math.min(3, Math.max(1, Number(params.get('depth')) || 1));
($('depth') as HTMLSelectElement).value = String(view.depth);
// A date the date control cannot hold (`2010`) is dropped, as the control would drop it.
view.date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : '';
($('date') as HTMLInputElement).value = view.date;
view.centre = params.get('centre') ?? '';
if (view.centre) showCentre().catch(reportCentre);
// Opened bare, the page starts from the alliances (the subject of the sources) rather than an empty canvas.
else
  graphql<{ organizations: { edges: { node: Hit }[] } }>('{ organizations(organizationKind: ALLIANCE, first: 8) { edges { node { id name kind } } } }')
    .then(({ organizations }) => showHits(organizations.edges.map(({ node }) => node), 'no alliance in the graph: search for a thing'))
    .catch(report);

/** The explorer page in a real browser (Debian's chromium), its exports, and GraphiQL's first load. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleOperations } from '../src/example-operations.js';
import { launchChromium, screenshotExplorer, selectNode } from '../src/explorer/chromium.js';
import { neighbourhoodQuery, type Subgraph } from '../src/explorer/subgraph.js';
import { startApiServer } from './support/api-server.js';
import { openTestDatabase } from './support/test-neo4j.js';

let api: Awaited<ReturnType<typeof startApiServer>>;
let browser: Browser;
let scratch: string;

async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A fresh profile per test, with every request recorded. */
async function openPage(): Promise<{ page: Page; offLoopback: () => string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  // Two cores shared with other work: a layout or a first compression can take many seconds.
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  const offLoopback = () => urls.filter((url) => !url.startsWith(`${api.url}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  return { page, offLoopback };
}

beforeAll(async () => {
  browser = await launchChromium();
  api = await startApiServer();
  scratch = await mkdtemp(path.join(tmpdir(), 'csto-explorer-'));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

// A browser test walks many steps, each waiting on the page; the vitest default of two minutes is too tight on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

describe('the explorer page', () => {
  it('searches, expands, shows evidence, opens the quote in the source, and follows the date control', async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/explore`);
    // Opened bare, it starts from the alliances, centred on the first.
    await page.waitForFunction(() => (window as any).cstoExplorer.cy.nodes('.centre').nonempty());
    expect(await page.locator('#hits button').allInnerTexts()).toEqual(['Collective Security Treaty Organization organization', 'North Atlantic Treaty Organization organization']);
    expect(await page.evaluate(() => (window as any).cstoExplorer.cy.nodes('.centre').map((node: any) => node.id()))).toEqual(['Organization:csto']);
    expect(new URL(page.url()).search).toBe('?centre=Organization%3Acsto&depth=1');
    // The side panel describes the centre, with its evidence, until something else is clicked.
    await page.locator('#panel dl').waitFor();
    expect(await page.locator('#panel h3').innerText()).toBe('Collective Security Treaty Organization');
    const { thing: centre } = await graphql(`{ thing(id: "csto") { evidence { quote } } }`);
    expect(await page.locator('#panel blockquote.evidence').allInnerTexts()).toEqual(centre.evidence.map((item: { quote: string }) => item.quote));
    // Busy (over 40 edges): an edge's type shows only once one of its ends is selected.
    const labels: [number, string, string, string][] = await page.evaluate(() => {
      const { cy } = (window as any).cstoExplorer;
      const edge = cy.getElementById('State:armenia').connectedEdges('[type = "MEMBER_OF"]')[0];
      const before = edge.style('label');
      cy.getElementById('State:armenia').select();
      const selected = edge.style('label');
      cy.getElementById('State:armenia').unselect();
      return [cy.edges().length, before, selected, edge.style('label')];
    });
    expect(labels).toEqual([expect.any(Number), '', 'MEMBER_OF', '']);
    expect(labels[0]).toBeGreaterThan(40);
    await page.fill('#search', 'Kyrgyzstan');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => (window as any).cstoExplorer.cy.getElementById('State:kyrgyzstan').hasClass('centre'));
    const neighbours: string[] = await page.evaluate(() => (window as any).cstoExplorer.cy.nodes().map((node: any) => node.id()));
    expect(neighbours[0]).toBe('State:kyrgyzstan');
    expect(neighbours).toContain('Organization:csto');
    expect(neighbours).toContain('Event:help-request-kyrgyzstan-2010');
    // Events recur by name across years: the year leads the label, where an ellipsis cannot cut it.
    const { thing: request } = await graphql(`{ thing(id: "help-request-kyrgyzstan-2010") { name } }`);
    expect(await page.evaluate(() => (window as any).cstoExplorer.cy.getElementById('Event:help-request-kyrgyzstan-2010').data('label'))).toBe(`2010 · ${request.name}`);
    expect(new URL(page.url()).search).toBe('?centre=State%3Akyrgyzstan&depth=1');
    // Laid out in two dimensions: from one shared starting point, fcose had drawn every node on one diagonal line.
    const correlation: number = await page.evaluate(() => {
      const points: { x: number; y: number }[] = (window as any).cstoExplorer.cy.nodes().map((node: any) => node.position());
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const [mx, my] = [mean(points.map((p) => p.x)), mean(points.map((p) => p.y))];
      const [sxy, sxx, syy] = [mean(points.map((p) => (p.x - mx) * (p.y - my))), mean(points.map((p) => (p.x - mx) ** 2)), mean(points.map((p) => (p.y - my) ** 2))];
      return sxy / Math.sqrt(sxx * syy);
    });
    expect(Math.abs(correlation)).toBeLessThan(0.5);

    // A refused help request: its facts and its evidence in the side panel.
    await selectNode(page, 'Event:help-request-kyrgyzstan-2010');
    const panel = await page.locator('#panel').innerText();
    expect(panel).toContain('REFUSED');
    expect(panel).toContain('HELP_REQUEST');
    const quote = await page.locator('#panel blockquote.evidence').first().innerText();
    const { thing } = await graphql(`{ thing(id: "help-request-kyrgyzstan-2010") { evidence { quote start end source { text } } } }`);
    expect(quote).toBe(thing.evidence[0].quote);

    // The quote opens in the source text, highlighted, and it is the quote verbatim at its offsets.
    await page.locator('#panel blockquote.evidence').first().click();
    const highlighted = await page.locator('#source mark#quote').innerText();
    expect(highlighted).toBe(thing.evidence[0].quote);
    expect(thing.evidence[0].source.text.slice(thing.evidence[0].start, thing.evidence[0].end)).toBe(highlighted);
    expect(await page.locator('#source mark#quote').isVisible()).toBe(true);

    // Re-centre on the CSTO (double click), then move the date across Uzbekistan's departure in 2012.
    // In braces: a returned Cytoscape collection would be serialised by Playwright, the whole graph with it (26 s).
    await page.evaluate(() => {
      (window as any).cstoExplorer.cy.getElementById('Organization:csto').emit('dbltap');
    });
    await page.waitForFunction(() => (window as any).cstoExplorer.view.centre === 'Organization:csto' && (window as any).cstoExplorer.cy.getElementById('State:uzbekistan').nonempty());
    // The quote was the request's: with the CSTO in the panel, the source pane closes instead of seeming to back it.
    expect([await page.locator('#source').innerHTML(), await page.locator('#source').isVisible()]).toEqual(['', false]);
    for (const [date, uzbekistanIsMember] of [['2010-06-01', true], ['2022-10-13', false]] as const) {
      await page.fill('#date', date);
      await page.dispatchEvent('#date', 'change');
      const shownMembers: string[] = await page.evaluate(() => {
        const { cy } = (window as any).cstoExplorer;
        const inForce = cy.edges('[type = "MEMBER_OF"][target = "Organization:csto"]').filter((edge: any) => !edge.hasClass('out-of-time'));
        return [...new Set<string>(inForce.map((edge: any) => edge.data('source')))].sort();
      });
      const { members } = await graphql(`query($at: Date!) { members(organization: "csto", at: $at) { member { id } } }`, { at: date });
      expect(shownMembers).toEqual(members.map((membership: any) => membership.member.id).sort());
      expect(shownMembers.includes('State:uzbekistan')).toBe(uzbekistanIsMember);
      expect(new URL(page.url()).searchParams.get('date')).toBe(date);
    }
    expect(offLoopback()).toEqual([]);
  });

  it('says in its own words when the address names no thing, offers the nearest, and drops a date it cannot hold', async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/explore?centre=kyrgistan&date=2010`);
    await page.locator('#panel [role=alert]').waitFor();
    expect(await page.locator('#panel [role=alert]').innerText()).toBe(
      "No thing has the id, name or alias 'kyrgistan'; the nearest are listed under the search box. Search finds things by any word.",
    );
    const nearest = await page.locator('#hits button').allInnerTexts();
    expect(nearest[0]).toBe('State:kyrgyzstan');
    expect(await page.inputValue('#date')).toBe('');
    await page.locator('#hits button').first().click();
    await page.waitForFunction(() => (window as any).cstoExplorer.view.centre === 'State:kyrgyzstan' && (window as any).cstoExplorer.cy.nodes().length > 1);
    expect(offLoopback()).toEqual([]);
  });

  it('links to GraphiQL with the query that produced the view, and finds paths with their evidence', async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/explore?centre=kyrgyzstan&depth=1&date=2000-01-01`);
    await page.waitForFunction(() => (window as any).cstoExplorer.cy.nodes().length > 1);
    expect(await page.inputValue('#date')).toBe('2000-01-01');
    const graphiqlQuery = new URL(await page.locator('#graphiql').getAttribute('href') ?? '', api.url).searchParams.get('query')!;
    expect(graphiqlQuery).toContain('neighbourhood(id: "State:kyrgyzstan", depth: 1, limit: 100)');
    const data = await graphql(graphiqlQuery);
    const onScreen: number = await page.evaluate(() => (window as any).cstoExplorer.cy.nodes().length);
    expect(data.neighbourhood.nodes).toHaveLength(onScreen);

    await page.evaluate(() => {
      (window as any).cstoExplorer.cy.getElementById('State:kyrgyzstan').select();
    });
    await page.click('#path-from');
    await page.evaluate(() => {
      const { cy } = (window as any).cstoExplorer;
      cy.$(':selected').unselect();
      cy.getElementById('Organization:csto').select();
    });
    await page.click('#path-to');
    await page.locator('#panel ol.paths li').first().waitFor();
    const { paths } = await graphql(`{ paths(from: "State:kyrgyzstan", to: "Organization:csto", maxHops: 4, first: 10) { edges { id } } }`);
    expect(await page.locator('#panel ol.paths > li').count()).toBe(paths.length);
    expect(await page.locator('#panel ol.paths blockquote.evidence').count()).toBeGreaterThan(0);
    expect(offLoopback()).toEqual([]);
  });

  it('writes the README screenshot (CSTO_UPDATE_SCREENSHOT=1 writes docs/explorer.png)', async () => {
    const { page, offLoopback } = await openPage();
    const file = process.env.CSTO_UPDATE_SCREENSHOT === '1' ? 'docs/explorer.png' : path.join(scratch, 'explorer.png');
    await screenshotExplorer(page, api.url, file);
    expect(await page.locator('#source mark#quote').innerText()).toBe(await page.locator('#panel blockquote.evidence').first().innerText());
    expect(offLoopback()).toEqual([]);
  });
});

/** Reads a GraphML file with networkx: node and edge counts, and whether it is directed. */
function networkxCounts(file: string): { directed: boolean; nodes: number; edges: number } {
  const script = 'import json, sys, networkx as nx\ng = nx.read_graphml(sys.argv[1], force_multigraph=True)\nprint(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

describe('the explorer’s exports', () => {
  it('exports the screen as GraphML, Cytoscape.js JSON and PNG, and the whole graph as GraphML', async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/explore?centre=csto&depth=1`);
    await page.waitForFunction(() => (window as any).cstoExplorer.cy.nodes().length > 1);
    const onScreen: { nodes: number; edges: number } = await page.evaluate(() => ({ nodes: (window as any).cstoExplorer.cy.nodes().length, edges: (window as any).cstoExplorer.cy.edges().length }));
    const exported = async (choice: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.selectOption('#export', choice)]);
      const file = path.join(scratch, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    expect(networkxCounts(await exported('screen.graphml'))).toEqual({ directed: true, ...onScreen });
    const json = JSON.parse(await readFile(await exported('screen.cyjs'), 'utf8'));
    expect([json.elements.nodes.length, json.elements.edges.length]).toEqual([onScreen.nodes, onScreen.edges]);
    expect((await readFile(await exported('screen.png'))).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    // The whole graph: every thing but the source, and every relationship between two of them.
    const db = openTestDatabase();
    const [counts] = await db.read<{ nodes: number; edges: number }>(
      'MATCH (n) WHERE NOT n:Source AND NOT n:LoadedFile WITH count(n) AS nodes MATCH (a)-[r]->(b) WHERE NOT a:Source AND NOT b:Source RETURN nodes, count(r) AS edges',
    );
    await db.close();
    expect(networkxCounts(await exported('whole.graphml'))).toEqual({ directed: true, nodes: counts!.nodes, edges: counts!.edges });
    expect(offLoopback()).toEqual([]);
  });
});

describe('the export route', () => {
  it('serves GraphML that networkx reads with the API neighbourhood’s nodes, edges and attributes', async () => {
    const response = await fetch(`${api.url}/export/graph.graphml?centre=kyrgyzstan&depth=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const file = path.join(scratch, 'kyrgyzstan.graphml');
    await writeFile(file, await response.text());
    const parsed = JSON.parse(
      execFileSync('python3', ['-c', `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "kyrgyzstan": g.nodes["State:kyrgyzstan"],
  "membership": g.edges["State:kyrgyzstan", "Organization:csto", "kyrgyzstan-MEMBER_OF->csto#kyrgyzstan-csto-1992"]}))
`, file], { encoding: 'utf8' }),
    );
    const { neighbourhood } = await graphql<{ neighbourhood: Subgraph }>(neighbourhoodQuery, { id: 'kyrgyzstan', depth: 2 });
    // Every quote of the membership, one per line, in the API's order (by offset).
    expect(parsed.membership.quote.split('\n').map((quote: string) => quote.slice(0, 30))).toEqual(['CSTO includes Russia, Armenia,', 'On May 15, 1992, shortly after', 'Currently, Armenia, Belarus, K']);
    expect(parsed).toEqual({
      directed: true,
      nodes: neighbourhood.nodes.length,
      edges: neighbourhood.edges.length,
      kyrgyzstan: { label: 'Kyrgyzstan', kind: 'STATE' },
      membership: {
        type: 'MEMBER_OF',
        startDate: '1992-05-15',
        quote: neighbourhood.edges.find((edge) => edge.id === 'kyrgyzstan-MEMBER_OF->csto#kyrgyzstan-csto-1992')!.evidence!.map((item) => item.quote).join('\n'),
      },
    });
  });

  it('serves Cytoscape.js JSON, and refuses bad input with a code', async () => {
    const json = await (await fetch(`${api.url}/export/graph.cyjs?centre=csto`)).json();
    const { neighbourhood } = await graphql<{ neighbourhood: Subgraph }>(neighbourhoodQuery, { id: 'csto' });
    expect(json.elements).toHaveLength(neighbourhood.nodes.length + neighbourhood.edges.length);
    const missing = await fetch(`${api.url}/export/graph.graphml`);
    expect([missing.status, (await missing.json()).errors[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', argument: 'centre' }]);
    const badDepth = await fetch(`${api.url}/export/graph.graphml?centre=csto&depth=two`);
    expect([badDepth.status, (await badDepth.json()).errors[0]]).toEqual([400, { message: "'depth' must be a whole number; got 'two'.", extensions: { code: 'BAD_USER_INPUT', argument: 'depth' } }]);
    // An error names the URL's parameter, not the argument of the query the route runs, and has no place in that query.
    const unknown = await fetch(`${api.url}/export/graph.graphml?centre=atlantis&limit=500`);
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { errors: [{ message: "centre: no thing has the id, name or alias 'atlantis'. Nearest matches: Organization:nato. Search finds things by any word.", extensions: { code: 'NOT_FOUND', argument: 'centre', nearest: ['Organization:nato'] } }] },
    ]);
    const tooMany = await fetch(`${api.url}/export/graph.cyjs?centre=csto&limit=9999`);
    expect([tooMany.status, (await tooMany.json()).errors.map((error: { extensions: unknown }) => error.extensions)]).toEqual([400, [{ code: 'BAD_USER_INPUT', argument: 'limit' }]]);
  });
});

describe('GraphiQL in a real browser', () => {
  const headline = 'refused: helpRequests(addressee: "csto", outcome: REFUSED)';
  const editorText = (page: Page) => page.locator('.graphiql-query-editor .view-lines').innerText().then((text) => text.replace(/\u00a0/g, ' '));

  it('opens on the headline query in the first tab, runs it, and does the same after a reload', async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/graphql`);
    await page.locator('.graphiql-query-editor .view-lines').waitFor();
    await page.waitForFunction((text) => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(text), headline);
    expect(await editorText(page)).toContain(headline);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('Kyrgyzstan'));
    expect(await page.locator('.graphiql-tab').count()).toBe(exampleOperations.length);

    await page.reload();
    await page.waitForFunction((text) => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(text), headline);
    expect(await page.locator('.graphiql-tab').count()).toBe(exampleOperations.length);
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('HelpRequests');
    expect(offLoopback()).toEqual([]);
  });

  it("opens the address's ?query= (the explorer's link) in a tab of its own before the examples, and again after a reload", async () => {
    const { page, offLoopback } = await openPage();
    await page.goto(`${api.url}/explore?centre=kyrgyzstan&depth=1`);
    await page.waitForFunction(() => (window as any).cstoExplorer.cy.nodes().length > 1);
    await page.goto(new URL((await page.locator('#graphiql').getAttribute('href'))!, api.url).toString());
    const asked = 'neighbourhood(id: "State:kyrgyzstan", depth: 1, limit: 100)';
    await page.waitForFunction((text) => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(text), asked);
    // Tabs are titled by their operation's name; the examples' tabs follow the asked one.
    const tabs = () => page.locator('.graphiql-tab').allInnerTexts().then((titles) => titles.map((title) => title.trim()));
    const examples = exampleOperations.map(({ query }) => /query (\w+)/.exec(query)![1]);
    expect(await tabs()).toEqual(['Neighbourhood', ...examples]);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('"truncated"'));

    await page.reload();
    await page.waitForFunction((text) => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(text), asked);
    expect(await tabs()).toEqual(['Neighbourhood', ...examples]);
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('Neighbourhood');
    expect(offLoopback()).toEqual([]);
  });

  it('serves the page compressed, with an ETag that answers 304', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const script = await fetch(`${api.url}/explore/app.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers.get('content-encoding')).toBe('gzip');
  });
});

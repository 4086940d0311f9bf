/** The README's recipes (src/explorer/recipes.ts) run on real `neighbourhood` and `paths` answers, each in its real library. */
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import type { Browser } from 'playwright-core';
import { DataSet } from 'vis-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../src/database/graph-database.js';
import { bundleModule, launchChromium } from '../src/explorer/chromium.js';
import { addToGraphology, toCytoscape, toNvl, toVisNetwork } from '../src/explorer/recipes.js';
import { mergePaths, subgraphSelection, type Subgraph } from '../src/explorer/subgraph.js';
import { createCstoYoga } from '../src/yoga.js';
import { query } from './support/graphql-client.js';
import { openTestDatabase } from './support/test-neo4j.js';

let db: GraphDatabase;
let browser: Browser;
const subgraphs: Record<string, Subgraph> = {};

beforeAll(async () => {
  db = openTestDatabase();
  const yoga = createCstoYoga({ db });
  const data = await query(yoga, `{
    neighbourhood(id: "csto", depth: 2) { ${subgraphSelection} }
    paths(from: "kyrgyzstan", to: "armenia", maxHops: 3, first: 10) { ${subgraphSelection} }
  }`);
  subgraphs.neighbourhood = data.neighbourhood;
  subgraphs.paths = mergePaths(data.paths);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await db?.close();
});

/** A page with an origin (NVL needs localStorage, which about:blank denies), answered by the test itself, not a network. */
async function pageWith(html: string) {
  const page = await browser.newPage();
  await page.route('http://recipes.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://recipes.invalid/');
  return page;
}

/** Counts every distinct id, so a recipe that dropped or merged an element would show. */
const counts = ({ nodes, edges }: Subgraph) => ({ nodes: new Set(nodes.map((n) => n.id)).size, edges: new Set(edges.map((e) => e.id)).size });

describe.each(['neighbourhood', 'paths'])('recipes on %s output', (name) => {
  it('the answer has parallel edges (so simple-graph recipes would fail) and edges whose ends are nodes', () => {
    const subgraph = subgraphs[name]!;
    const ids = new Set(subgraph.nodes.map((node) => node.id));
    for (const edge of subgraph.edges) expect([ids.has(edge.source), ids.has(edge.target)]).toEqual([true, true]);
    if (name === 'neighbourhood') {
      const pairs = subgraph.edges.map((edge) => `${edge.source} ${edge.target}`);
      expect(new Set(pairs).size).toBeLessThan(pairs.length);
    }
  });

  it('Cytoscape.js takes every node and edge, with global ids', () => {
    const subgraph = subgraphs[name]!;
    const cy = cytoscape({ headless: true, elements: toCytoscape(subgraph) });
    expect({ nodes: cy.nodes().length, edges: cy.edges().length }).toEqual(counts(subgraph));
    const edge = subgraph.edges[0]!;
    expect([cy.getElementById(edge.id).source().id(), cy.getElementById(edge.id).target().id()]).toEqual([edge.source, edge.target]);
    cy.destroy();
  });

  it('graphology (MultiDirectedGraph) takes every node and edge, parallel edges included, and the same answer again', () => {
    const subgraph = subgraphs[name]!;
    const graph = addToGraphology(new MultiDirectedGraph(), subgraph);
    expect({ nodes: graph.order, edges: graph.size }).toEqual(counts(subgraph));
    // An overlapping answer, as the next neighbourhood is, adds only what is new.
    addToGraphology(graph, subgraph);
    expect({ nodes: graph.order, edges: graph.size }).toEqual(counts(subgraph));
    const edge = subgraph.edges[0]!;
    expect([graph.source(edge.id), graph.target(edge.id), graph.getEdgeAttribute(edge.id, 'label')]).toEqual([edge.source, edge.target, edge.type]);
  });

  it('vis-data DataSets accept the vis-network recipe (unique ids), and vis-network draws it in chromium with arrows', async () => {
    const subgraph = subgraphs[name]!;
    const data = toVisNetwork(subgraph);
    expect({ nodes: new DataSet(data.nodes).length, edges: new DataSet(data.edges).length }).toEqual(counts(subgraph));
    const page = await pageWith('<div id="network" style="width:800px;height:600px"></div>');
    await page.addScriptTag({ content: readFileSync('node_modules/vis-network/standalone/umd/vis-network.min.js', 'utf8') });
    const drawn = await page.evaluate((input) => {
      const vis = (window as any).vis;
      const network = new vis.Network(document.getElementById('network'), { nodes: new vis.DataSet(input.nodes), edges: new vis.DataSet(input.edges) }, { physics: false });
      const edges = Object.values(network.body.edges) as any[];
      return { nodes: Object.keys(network.getPositions()).length, edges: edges.length, arrows: edges.every((edge) => edge.options.arrows.to.enabled) };
    }, data);
    expect(drawn).toEqual({ ...counts(subgraph), arrows: true });
    await page.close();
  });

  it('Neo4j NVL draws the NVL recipe in chromium (canvas renderer), captions included', async () => {
    const subgraph = subgraphs[name]!;
    const page = await pageWith('<div id="nvl" style="width:800px;height:600px"></div>');
    await page.addScriptTag({ content: await bundleModule(`export { NVL } from '@neo4j-nvl/base';`, 'NvlBase') });
    const drawn = await page.evaluate((input) => {
      const { NVL } = (window as any).NvlBase;
      const nvl = new NVL(document.getElementById('nvl'), input.nodes, input.relationships, { renderer: 'canvas', disableTelemetry: true });
      const result = { nodes: nvl.getNodes().length, edges: nvl.getRelationships().length, caption: nvl.getNodes()[0].caption };
      nvl.destroy();
      return result;
    }, toNvl(subgraph));
    expect(drawn).toEqual({ ...counts(subgraph), caption: subgraph.nodes[0]!.name });
    await page.close();
  });
});
